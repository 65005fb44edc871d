package dev.iommudoctor.collector.telemetry;

/** Opens the package-private placeholder filter of {@link OshiTelemetrySource} to tests in other packages. */
public final class OshiTelemetrySourceAccess {

    private OshiTelemetrySourceAccess() {
    }

    public static String text(String s) {
        return OshiTelemetrySource.text(s);
    }
}
