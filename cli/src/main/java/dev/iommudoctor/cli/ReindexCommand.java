package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.server.store.IncidentStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iommu-doctor reindex}: re-analyses every stored bundle with the current rules. */
@Command(name = "reindex", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Re-analyses every incident from its stored bundle with this version's rules (keeps status, notes, tags).")
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (IncidentStore store = data.open()) {
            IncidentStore.ReindexResult r = store.reindex(i -> { });
            System.out.printf("re-analysed %d of %d incidents%n", r.reanalysed(), r.total());
            r.failed().forEach(f -> System.err.println(Escapes.terminal("  kept old analysis: " + f)));
            return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }
}
