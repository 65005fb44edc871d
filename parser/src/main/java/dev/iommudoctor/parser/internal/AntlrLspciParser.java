package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.LspciLexer;
import dev.iommudoctor.grammar.LspciParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Runs the generated lspci lexer and parser over one device block. One instance is reused for every
 * block of a file (ANTLR's DFA cache is static, the objects are cheap to reset), so memory stays flat
 * however many devices a file has. SLL prediction is enough: the grammar is LL(2).
 */
final class AntlrLspciParser {

    private final CollectingErrorListener errors = new CollectingErrorListener();
    private final LspciLexer lexer = new LspciLexer(null);
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final LspciParser parser = new LspciParser(tokens);

    AntlrLspciParser() {
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    /** Parses one block; every line of {@code text} must end with a newline. */
    LspciParser.BlockContext parse(String text) {
        errors.reset();
        lexer.setInputStream(CharStreams.fromString(text));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
        return parser.block();
    }

    /** Syntax errors of the last {@link #parse} call, line numbers relative to the block. */
    List<CollectingErrorListener.SyntaxError> errors() {
        return errors.errors();
    }
}
