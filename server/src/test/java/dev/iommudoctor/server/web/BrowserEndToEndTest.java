package dev.iommudoctor.server.web;

import static org.junit.jupiter.api.Assertions.*;

import dev.iommudoctor.server.SampleCases;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one test in a real browser (headless Chromium from Debian's {@code chromium} and
 * {@code chromium-driver} packages): upload a zipped sample case through the upload page's file
 * input, see its findings on the incident page, search for it, open it from the results. The case's
 * kernel log carries {@code <script>} and {@code <img onerror>} markup that must show as text
 * everywhere. Screenshots go to {@code target/screenshots/}. Skipped when the browser is not installed.
 */
class BrowserEndToEndTest {

    /** Debian's paths; {@code -Dchromium.binary=...} and {@code -Dchromedriver.binary=...} point elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path temp;

    @Test
    void uploadSeeFindingsSearchAndOpenFromResults() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "browser test SKIPPED: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " missing; ")
                + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " missing; ")
                + "install Debian's chromium and chromium-driver packages";
        if (!installed) {
            // surefire shows skips only as a count: say why in the build log too
            System.err.println(why);
        }
        Assumptions.assumeTrue(installed, why);
        Path data = Files.createDirectories(temp.resolve("data"));
        try (IncidentStore store = SampleCases.openStore(data)) {
            // a populated index, so facets and histogram have something to show next to the new upload
            SampleCases.ingestAll(store);
            Javalin app = WebUi.server(Services.of(store, AccessTokens.none(),
                    new ServerConfig("127.0.0.1", 0, 50_000_000))).start();
            WebDriver driver = null;
            try {
                driver = browser();
                run(driver, "http://127.0.0.1:" + app.port(), HostileSample.writeZip(temp));
            } finally {
                if (driver != null) {
                    driver.quit();
                }
                app.stop();
            }
        }
    }

    private WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium")),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void run(WebDriver driver, String base, Path bundle) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // the search page re-renders its lists on every answer: an element may be replaced while polled
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

        // 1. upload through the file input; the page redirects to the new incident
        driver.get(base + "/upload");
        driver.findElement(By.id("tags")).sendKeys("e2e");
        screenshot(driver, "upload.png");
        driver.findElement(By.id("file")).sendKeys(bundle.toAbsolutePath().toString());
        wait.until(ExpectedConditions.urlMatches("/incidents/\\d{8}-[0-9a-f]{12}$"));
        String incidentUrl = driver.getCurrentUrl();
        String id = incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1);

        // 2. its findings, the hostile evidence line as text, nothing executed
        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.finding[data-rule='RMRR-BAD-FIRMWARE']")));
        String evidence = finding.findElement(By.cssSelector("ol.evidence")).getText();
        assertTrue(evidence.contains(HostileSample.SCRIPT + " " + HostileSample.IMG), evidence);
        assertTrue(finding.findElement(By.cssSelector("p.message")).getText().contains(HostileSample.SCRIPT));
        assertNoInjectedMarkup(driver);
        assertFalse(driver.findElements(By.cssSelector("table.devices tbody tr")).isEmpty(), "readiness table");
        screenshot(driver, "incident.png");

        // the resolution form saves through the API
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status"))).selectByValue("resolved");
        driver.findElement(By.id("note")).sendKeys("fixed by BIOS 1801");
        driver.findElement(By.cssSelector("#resolution button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-msg"), "Saved"));
        assertEquals("resolved", driver.findElement(By.id("status-badge")).getText());

        // the evidence link opens the raw file at the line
        finding.findElement(By.cssSelector("ol.evidence a.where")).click();
        wait.until(ExpectedConditions.urlContains("#L" + HostileSample.EVIDENCE_LINE));
        WebElement line = driver.findElement(By.id("L" + HostileSample.EVIDENCE_LINE));
        assertTrue(line.getText().contains(HostileSample.SCRIPT), line.getText());
        assertNoInjectedMarkup(driver);
        screenshot(driver, "raw-file.png");

        // 3. search for it: a malformed query first, then a real one
        driver.get(base + "/");
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.sendKeys("rule:(RMRR");
        driver.findElement(By.id("search-button")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().startsWith("Cannot run this search: malformed query"), error.getText());

        q.clear();
        q.sendKeys("rule:RMRR-BAD-FIRMWARE AND onerror");
        driver.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.hit[data-id='" + id + "'] ul.highlights li mark")));
        WebElement hit = driver.findElement(By.cssSelector("li.hit[data-id='" + id + "']"));
        assertFalse(driver.findElement(By.id("error")).isDisplayed());
        WebElement highlight = hit.findElement(By.cssSelector("ul.highlights li"));
        assertTrue(highlight.getText().contains(HostileSample.SCRIPT), highlight.getText());
        assertEquals("onerror", highlight.findElement(By.tagName("mark")).getText());
        assertNoInjectedMarkup(driver);
        assertTrue(driver.getCurrentUrl().contains("q=rule%3ARMRR-BAD-FIRMWARE"), "the search is in the address");
        screenshot(driver, "search-hit.png");

        // a facet click refines the query
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#histogram svg rect.bar")));
        // newest first puts the upload on top; the pager walks the rest
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort"))).selectByValue("newest");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("li.hit:first-child"), "data-id", id));
        driver.findElement(By.xpath("//nav[@id='pager']/button[contains(., 'Next')]")).click();
        wait.until(ExpectedConditions.textMatches(By.id("summary"), java.util.regex.Pattern.compile("^21–\\d+ of \\d+ incidents")));
        assertTrue(driver.getCurrentUrl().contains("page=1") && driver.getCurrentUrl().contains("sort=newest"));
        WebElement resolved = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@data-facet='status']//button[span[@class='value' and text()='resolved']]")));
        screenshot(driver, "search.png");
        resolved.click();
        wait.until(d -> "status:resolved".equals(d.findElement(By.id("q")).getDomProperty("value")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.hit"), 1));

        // saved searches: save, list, run
        driver.findElement(By.id("save-name")).sendKeys("resolved ones");
        driver.findElement(By.id("save")).click();
        WebElement saved = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@id='saved']//button[@class='run' and text()='resolved ones']")));
        driver.findElement(By.id("clear")).click();
        wait.until(d -> d.findElement(By.id("q")).getDomProperty("value").isEmpty());
        saved.click();
        wait.until(d -> "status:resolved".equals(d.findElement(By.id("q")).getDomProperty("value")));

        // 4. open it from the results
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.hit[data-id='" + id + "'] a.hit-title")))
                .click();
        wait.until(ExpectedConditions.urlToBe(base + "/incidents/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.finding")));
        assertEquals("fixed by BIOS 1801", driver.findElement(By.id("note")).getDomProperty("value"));

        // several loose files of one host through the same input make one incident
        driver.get(base + "/upload");
        String loose = SampleCases.files(SampleCases.caseDir("VFIO-HOST-DRIVER-BOUND",
                        "fires-when-nvidia-wins-the-race-on-proxmox")).stream()
                .filter(f -> !f.getFileName().toString().startsWith("expected"))
                .map(f -> f.toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining("\n"));
        driver.findElement(By.id("file")).sendKeys(loose);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(base + "/upload")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.finding[data-rule='VFIO-HOST-DRIVER-BOUND']")));
        assertTrue(driver.findElement(By.id("inputs")).getText().contains("lspci-nnvvv.txt"));

        driver.get(base + "/rules#RMRR-BAD-FIRMWARE");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("RMRR-BAD-FIRMWARE")));
        screenshot(driver, "rules.png");
    }

    /** No alert opened, no element the upload's markup would have created. */
    private static void assertNoInjectedMarkup(WebDriver driver) {
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "an alert opened");
        assertEquals(List.of(), driver.findElements(By.cssSelector("img")), "img element from the upload");
        for (WebElement script : driver.findElements(By.tagName("script"))) {
            assertTrue(script.getAttribute("src") != null && script.getAttribute("src").contains("/assets/"),
                    "script element that is not one of ours");
        }
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
