package dev.iommudoctor.cli;

import dev.iommudoctor.server.ServerRuntime;
import dev.iommudoctor.server.store.IncidentStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the incident-store commands (default {@code ~/.iommu-doctor}). */
final class DataDirOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory with the index and stored bundles (default: ~/.iommu-doctor).")
    Path data;

    Path dir() {
        return data != null ? data : ServerRuntime.defaultDataDir();
    }

    IncidentStore open() throws IOException {
        return ServerRuntime.openStore(dir(), VersionProvider.version());
    }

    IncidentStore openReadOnly() throws IOException {
        return ServerRuntime.openStoreReadOnly(dir(), VersionProvider.version());
    }
}
