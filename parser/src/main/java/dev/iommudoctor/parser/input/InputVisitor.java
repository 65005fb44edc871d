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
     */
    void visit(String name, InputStream content) throws IOException;
}
