package dev.iommudoctor.server.search;

import dev.iommudoctor.rules.report.Escapes;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats each highlighted passage (one evidence line, since passages break at newlines) as its own
 * HTML string: the log text escaped (it is attacker-controlled), matches wrapped in {@code <mark>}.
 */
final class LinePassageFormatter extends PassageFormatter {

    @Override
    public Object format(Passage[] passages, String content) {
        List<String> lines = new ArrayList<>();
        for (Passage p : passages) {
            StringBuilder sb = new StringBuilder();
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = Math.max(p.getMatchStarts()[i], pos);
                int end = p.getMatchEnds()[i];
                if (end <= start) {
                    continue;
                }
                sb.append(Escapes.html(content.substring(pos, start)));
                sb.append("<mark>").append(Escapes.html(content.substring(start, end))).append("</mark>");
                pos = end;
            }
            int passageEnd = p.getEndOffset();
            if (pos < passageEnd) {
                sb.append(Escapes.html(content.substring(pos, passageEnd)));
            }
            String line = sb.toString().strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
