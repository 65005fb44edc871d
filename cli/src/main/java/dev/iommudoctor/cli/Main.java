package dev.iommudoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iommu-doctor} command and its subcommands. */
@Command(name = "iommu-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnoses IOMMU and VFIO device-passthrough problems from kernel logs, lspci dumps and host facts.",
        subcommands = {AnalyzeCommand.class, CollectCommand.class, ParseCommand.class, RulesCommand.class, BenchCommand.class,
                ServeCommand.class, IngestCommand.class, SearchCommand.class, ReindexCommand.class, BenchSearchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE);
        cmd.setExecutionExceptionHandler(new FriendlyErrors());
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
