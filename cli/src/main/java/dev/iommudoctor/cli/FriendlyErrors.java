package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code, never a stack trace: the people who
 * run this are reading a customer's logs, not debugging Java. {@code IOMMU_DOCTOR_DEBUG=1} shows the trace.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String message;
        int code = ExitCodes.BAD_INPUT;
        if (cause instanceof NoSuchFileException e) {
            message = "no such file: " + e.getFile();
        } else if (cause instanceof AccessDeniedException e) {
            message = "permission denied: " + e.getFile();
        } else if (cause instanceof IOException e) {
            message = "cannot read input: " + e.getMessage();
        } else {
            message = "internal error: " + cause;
            code = 70;
        }
        cmd.getErr().println(Escapes.terminal("iommu-doctor: " + message));
        if (System.getenv("IOMMU_DOCTOR_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return code;
    }
}
