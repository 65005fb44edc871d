package dev.iommudoctor.parser.internal;

import java.nio.file.Path;

/** Prints the golden text form of any lspci file: {@code java ... LspciDumpMain FILE}. Handy when writing goldens. */
final class LspciDumpMain {
    private LspciDumpMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            LspciTestSupport.parse(Path.of(a)).forEach(e -> System.out.println(LspciEventText.format(e)));
        }
    }
}
