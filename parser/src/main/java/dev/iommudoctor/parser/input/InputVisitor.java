package dev.iommudoctor.parser.input;

import java.io.IOException;
import java.io.InputStream;

/** Receives each file of a bundle as a stream; it must read what it needs before returning. */
@FunctionalInterface
public interface InputVisitor {

    /**
     * @param name     a stable name: the path for loose files, {@code bundle.tar.gz!/var/log/kern.log}
     *                 for archive members
     * @param content  the (decompressed) content; closing it is the walker's job
     * @param linesBefore lines of the enclosing file before this content (non-zero for a section of a
     *                 composite report such as nvidia-bug-report.log), for line numbers into the original
     */
    void visit(String name, InputStream content, int linesBefore) throws IOException;
}
