package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One directive of a {@code /etc/modprobe.d/*.conf} file (continuation lines joined).
 *
 * <p>Example input: {@code options vfio-pci ids=10de:1b80,10de:10f0 disable_vga=1}
 *
 * @param span      first to last physical line
 * @param command   {@code options}, {@code softdep}, {@code blacklist}, {@code install}, {@code remove},
 *                  {@code alias} or {@code weakdep}
 * @param module    the module name as written; for {@code alias} the alias wildcard
 * @param arguments the rest of the directive, continuation lines joined and runs of blanks outside double
 *                  quotes collapsed to one (empty for blacklist)
 */
public record ModprobeDirective(SourceSpan span, String command, String module, String arguments) implements Event {

    /** The module name as the kernel compares it: {@code vfio-pci} and {@code vfio_pci} are the same module. */
    public String moduleKey() {
        return module.replace('-', '_');
    }

    /**
     * For {@code options}: the module parameters in order, {@code ids=10de:1b80 disable_vga=1} giving
     * {@code ids -> 10de:1b80, disable_vga -> 1}; a flag without {@code =} maps to the empty string.
     * Double quotes group a value containing spaces. Empty for other commands.
     */
    public Map<String, String> options() {
        Map<String, String> result = new LinkedHashMap<>();
        if (!command.equals("options")) {
            return result;
        }
        for (KernelParameter p : KernelParameter.parseAll(arguments)) {
            result.put(p.name(), p.value().orElse(""));
        }
        return result;
    }

    /** For {@code softdep}/{@code weakdep}: the modules after {@code pre:} (loaded before this one). */
    public List<String> pre() {
        return softdepList("pre:");
    }

    /** For {@code softdep}: the modules after {@code post:} (loaded after this one). */
    public List<String> post() {
        return softdepList("post:");
    }

    private List<String> softdepList(String marker) {
        List<String> result = new ArrayList<>();
        if (!command.equals("softdep")) {
            return result;
        }
        boolean in = false;
        for (String token : arguments.split("\\s+")) {
            if (token.equals("pre:") || token.equals("post:")) {
                in = token.equals(marker);
            } else if (in && !token.isEmpty()) {
                result.add(token);
            }
        }
        return result;
    }
}
