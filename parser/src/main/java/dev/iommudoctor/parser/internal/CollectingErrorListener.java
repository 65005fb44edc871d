package dev.iommudoctor.parser.internal;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Records ANTLR syntax errors instead of printing them, so that a bad record becomes a diagnostic and
 * parsing goes on with the next one. Reset before each record.
 */
final class CollectingErrorListener extends BaseErrorListener {

    /** One syntax error: line within the record (1-based) and ANTLR's message. */
    record SyntaxError(int line, String message) {
    }

    private final List<SyntaxError> errors = new ArrayList<>();

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        errors.add(new SyntaxError(line, msg));
    }

    List<SyntaxError> errors() {
        return errors;
    }

    void reset() {
        errors.clear();
    }
}
