package dev.iommudoctor.parser.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.PredicateTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * ANTLR's lexer simulator with the end-of-input step cached too. The lexer DFA keeps its edges only
 * for characters 0..127, so the step from the state after a record's last token (e.g. after the
 * {@code 13} of {@code Adding to iommu group 13}) to EOF is recomputed by full ATN simulation on
 * every record, which was the single largest cost of lexing a short body. Without semantic
 * predicates in the lexer that step depends on the DFA state alone, so it is cached per state.
 */
final class EofCachingLexerSimulator extends LexerATNSimulator {

    private final Map<DFAState, DFAState> eofTargets = new IdentityHashMap<>();
    private final boolean cacheable;

    EofCachingLexerSimulator(Lexer lexer, LexerATNSimulator original) {
        super(lexer, original.atn, original.decisionToDFA, original.getSharedContextCache());
        this.cacheable = !hasPredicates(original.atn);
    }

    @Override
    protected DFAState computeTargetState(CharStream input, DFAState s, int t) {
        if (t != IntStream.EOF || !cacheable) {
            return super.computeTargetState(input, s, t);
        }
        DFAState target = eofTargets.get(s);
        if (target == null) {
            target = super.computeTargetState(input, s, t);
            eofTargets.put(s, target);
        }
        return target;
    }

    private static boolean hasPredicates(ATN atn) {
        for (ATNState state : atn.states) {
            if (state == null) {
                continue;
            }
            for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                Transition t = state.transition(i);
                if (t instanceof PredicateTransition || t instanceof PrecedencePredicateTransition) {
                    return true;
                }
            }
        }
        return false;
    }
}
