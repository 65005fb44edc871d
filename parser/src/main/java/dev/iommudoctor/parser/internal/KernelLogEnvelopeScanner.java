package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.internal.LineEnvelope.Style;

/**
 * The hot-path reader of a kernel-log line prefix: the same envelope as the grammar
 * {@code KernelLogLineParser.g4} (which stays the specification; a differential test holds the two
 * together), without pushing every byte through an ANTLR lexer.
 *
 * <p>Accepted prefixes, one example each:
 * <pre>
 * [   12.345678] msg                                   dmesg
 * [    1.234567] [T123] msg                            dmesg, printk caller id (dropped)
 * [Wed Nov 25 10:00:01 2026] msg                       dmesg -T (any locale's day/month names)
 * 2026-11-25T10:00:01,061644+00:00 msg                 dmesg --time-format=iso
 * &lt;6&gt;[    1.234567] msg                              dmesg -r, /proc/kmsg, busybox
 * kern  :info  : [    1.234567] msg                    dmesg -x
 * 6,532,61644,-;msg                                    /dev/kmsg (then " SUBSYSTEM=pci" lines)
 * Nov  5 10:00:01 host kernel: [ 1.2] msg              rsyslog kern.log / syslog (stamp optional)
 * oct. 13 21:14:33 ordi kernel: msg                    journalctl -k short, localised month
 * Nov 25 10:00:01.123456 host kernel: msg              journalctl -o short-precise
 * 2026-11-25T10:00:01+0000 host kernel: msg            journalctl -o short-iso, rsyslog RFC 3339
 * [    0.061644] host kernel: msg                     journalctl -o short-monotonic
 * kernel: [   13.134460] msg                          syslog excerpt without date and host
 * Oct 31 20:09:02 host systemd[1]: msg                 a user-space process (origin = systemd)
 * -- Boot 3f2c... --                                   journalctl separators
 * 2022-11-21 19:11:06.123+0000: 1234: info : msg       libvirt (origin = libvirtd)
 * 2022-11-21T19:11:06.123456Z qemu-system-x86_64: msg  QEMU with -msg timestamp=on
 * msg                                                  dmesg -t, hw-probe, QEMU stderr
 * </pre>
 * A body that starts with {@code [} ({@code [drm]}, {@code [TTM]}, {@code [Firmware Bug]}) is never
 * taken for a stamp: only {@code [ digits.digits]} and the ctime shape are stamps.
 */
final class KernelLogEnvelopeScanner {

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    private final BodyPrefixScanner body = new BodyPrefixScanner();
    private final OriginCache hosts = new OriginCache();

    /** The wall clock of the line before, shared while lines carry the same stamp (a second's worth of syslog). */
    private String lastWallClock = "";

    /** {@code s[0, end)} as a String, the previous line's instance when the stamp is the same. */
    private String wallClock(String s, int end) {
        String last = lastWallClock;
        if (last.length() == end && s.startsWith(last)) {
            return last;
        }
        lastWallClock = s.substring(0, end);
        return lastWallClock;
    }

    /**
     * The {@code Nov  5 10:00:01 pve kernel: } of the last such line (a line break, which starts no line, until then), with the wall
     * clock and host read from it. rsyslog writes many lines per second, each starting with the same
     * characters: a line that starts with exactly this prefix takes every decision up to the end of it
     * the same way as the line that set it (the scanner looks at nothing beyond it to decide), so only the
     * rest of the line is read. A plain speed-up: the result is the same as scanning from the start.
     */
    private String syslogPrefix = "\n";
    private String syslogPrefixWallClock;
    private String syslogPrefixHost;
    /** Set by {@link #afterTag}: where the body after {@code kernel: } starts, -1 when the tag was another. */
    private int kernelBodyFrom;

    /** Reads the envelope of {@code s} into {@code e} (which is reset first). */
    void scan(String s, LineEnvelope e) {
        e.reset();
        int n = s.length();
        if (n == 0) {
            e.style = Style.BLANK;
            return;
        }
        if (s.startsWith(syslogPrefix)) {
            e.style = Style.SYSLOG;
            e.wallClock = syslogPrefixWallClock;
            e.host = syslogPrefixHost;
            kernelBody(s, syslogPrefix.length(), e);
            return;
        }
        char c = s.charAt(0);
        if (c == ' ' || c == '\t') {
            indented(s, e);
            return;
        }
        if (c == '-' && n >= 5 && s.startsWith("-- ") && s.endsWith("--")) {
            e.style = Style.JOURNAL_MARK;
            e.origin = "journalctl";
            return;
        }
        int console = c == '[' ? consoleStamp(s, e) : 0;
        int p = console;
        char cp = p < n ? s.charAt(p) : 0;
        if (cp == '<') {
            p = rawLevel(s, p, e);
        } else if (cp >= 'a' && cp <= 'z') {
            p = decodedLevel(s, p, e);
        }
        if (p == 0) {
            if (isDigit(c)) {
                int q = kmsg(s, e);
                if (q > 0) {
                    finishBody(s, q, e);
                    return;
                }
                q = iso(s, e);
                if (q > 0) {
                    return;
                }
            } else if (c != '[') {
                if (syslogDate(s, e) || shortFull(s, e) || kernelTag(s, 0, e)) {
                    return;
                }
            }
        }
        dmesgStamp(s, p, e);
    }

    /**
     * {@code [2017-10-23 09:08:16.318] } in front of a dmesg line: a serial-console capture (conserver,
     * minicom, IPMI SOL logs) stamps every line it receives. Kept as the wall clock.
     */
    private static int consoleStamp(String s, LineEnvelope e) {
        int n = s.length();
        if (n < 21 || s.charAt(5) != '-' || s.charAt(8) != '-' || !digits(s, 1, 4) || !digits(s, 6, 2)
                || !digits(s, 9, 2) || (s.charAt(11) != ' ' && s.charAt(11) != 'T') || !clock(s, 12)) {
            return 0;
        }
        int q = 20;
        q = skipFraction(s, q);
        if (q >= n || s.charAt(q) != ']') {
            return 0;
        }
        e.wallClock = s.substring(1, q);
        q++;
        return q < n && s.charAt(q) == ' ' ? q + 1 : q;
    }

    /** {@code [ 1.2] }, {@code [Wed Nov 25 10:00:01 2026] } or nothing at {@code p}, then the body. */
    private void dmesgStamp(String s, int p, LineEnvelope e) {
        int q = monotonic(s, p, e);
        if (q > 0) {
            e.style = Style.DMESG;
            q = callerId(s, q);
            int t = journalMonotonicTag(s, q, e);
            if (t > 0) {
                e.style = Style.SYSLOG;
                q = t;
            }
            finishBody(s, q, e);
            return;
        }
        e.syslogPath = false;
        q = ctime(s, p, e);
        if (q > 0) {
            e.style = Style.DMESG_CTIME;
            finishBody(s, callerId(s, q), e);
            return;
        }
        q = reltime(s, p, e);
        if (q > 0) {
            e.style = Style.DMESG_RELTIME;
            finishBody(s, callerId(s, q), e);
            return;
        }
        e.style = Style.BARE;
        e.syslogPath = false;
        finishBody(s, p, e);
    }

    private void finishBody(String s, int p, LineEnvelope e) {
        e.bodyStart = p;
        if (e.origin == null) {
            body.scan(s, p, e);
        }
    }

    private static void indented(String s, LineEnvelope e) {
        int n = s.length();
        int p = 0;
        while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        if (p == n) {
            e.style = Style.BLANK;
            return;
        }
        e.bodyStart = p;
        e.style = Style.INDENTED;
        if (p == 1 && s.charAt(0) == ' ') {
            int q = 1;
            while (q < n && (isUpper(s.charAt(q)) || isDigit(s.charAt(q)) || s.charAt(q) == '_')) {
                q++;
            }
            if (q > 1 && q < n && s.charAt(q) == '=' && isUpper(s.charAt(1))) {
                e.style = Style.KMSG_DICT;
                if (s.startsWith("DEVICE=+pci:", 1)) {
                    e.device = BodyPrefixScanner.parseBdf(s, 13);
                }
            }
        }
    }

    /** {@code <6>}: kernel facility 0, so the number is the level; user facilities carry facility*8. */
    private static int rawLevel(String s, int from, LineEnvelope e) {
        int n = s.length();
        int q = from + 1;
        int v = 0;
        while (q < n && q < from + 4 && isDigit(s.charAt(q))) {
            v = v * 10 + (s.charAt(q) - '0');
            q++;
        }
        if (q == from + 1 || q >= n || s.charAt(q) != '>') {
            return from;
        }
        e.level = v & 7;
        // the syslog(2) path: a stamp after <N> repeats on every line of a multi-line record
        e.syslogPath = true;
        return q + 1;
    }

    /** {@code kern  :info  : } (dmesg -x): a facility, a level, each padded and followed by a colon. */
    private static int decodedLevel(String s, int from, LineEnvelope e) {
        int n = s.length();
        int q = from;
        while (q < n && isLowerOrDigit(s.charAt(q))) {
            q++;
        }
        if (!isFacility(s, from, q)) {
            return from;
        }
        while (q < n && s.charAt(q) == ' ') {
            q++;
        }
        if (q >= n || s.charAt(q) != ':') {
            return from;
        }
        int ls = ++q;
        while (q < n && isLowerOrDigit(s.charAt(q))) {
            q++;
        }
        int level = levelName(s, ls, q);
        if (level < 0) {
            return from;
        }
        while (q < n && s.charAt(q) == ' ') {
            q++;
        }
        if (q + 1 >= n || s.charAt(q) != ':' || s.charAt(q + 1) != ' ') {
            return from;
        }
        e.level = level;
        return q + 2;
    }

    private static boolean isFacility(String s, int from, int end) {
        String[] names = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
                "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};
        for (String name : names) {
            if (name.length() == end - from && s.startsWith(name, from)) {
                return true;
            }
        }
        return false;
    }

    /** printk level of a dmesg -x / libvirt level word, -1 if not one. */
    static int levelName(String s, int from, int to) {
        String[] names = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == to - from && s.startsWith(names[i], from)) {
                return i;
            }
        }
        if (to - from == 5 && s.startsWith("error", from)) {
            return 3;
        }
        if (to - from == 7 && s.startsWith("warning", from)) {
            return 4;
        }
        return -1;
    }

    /** {@code 6,532,61644,-;} and newer {@code 6,532,61644,-,caller=T1;}. */
    private static int kmsg(String s, LineEnvelope e) {
        int n = s.length();
        int q = 0;
        long prefix = 0;
        long usec = 0;
        for (int field = 0; field < 3; field++) {
            int start = q;
            long x = 0;
            while (q < n && q - start < 19 && isDigit(s.charAt(q))) {
                x = x * 10 + (s.charAt(q) - '0');
                q++;
            }
            if (q == start || q >= n || s.charAt(q) != ',') {
                return 0;
            }
            if (field == 0) {
                prefix = x;
            } else if (field == 2) {
                usec = x;
            }
            q++;
        }
        int semi = s.indexOf(';', q);
        if (semi < 0 || semi == q) {
            return 0;
        }
        e.style = Style.KMSG;
        e.level = (int) (prefix & 7);
        e.monotonic = usec / 1e6;
        e.kmsgFlag = s.charAt(q);
        return semi + 1;
    }

    /**
     * An ISO-8601 stamp at 0: decides between dmesg --time-format=iso (comma fraction), libvirt
     * ({@code date time: }), syslog/journal ({@code host tag: } follows) and a bare QEMU line.
     */
    private int iso(String s, LineEnvelope e) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4) || !digits(s, 5, 2)
                || !digits(s, 8, 2)) {
            return 0;
        }
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != ' ') || !clock(s, 11)) {
            return 0;
        }
        int q = 19;
        char fracSep = 0;
        if (q < n && (s.charAt(q) == '.' || s.charAt(q) == ',') && q + 1 < n && isDigit(s.charAt(q + 1))) {
            fracSep = s.charAt(q);
            q++;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
        }
        q = zone(s, q);
        e.wallClock = wallClock(s, q);
        if (sep == ' ' && fracSep != ',' && q + 1 < n && s.charAt(q) == ':' && s.charAt(q + 1) == ' ') {
            libvirt(s, q + 2, e);
            return q;
        }
        if (q < n && s.charAt(q) == ' ') {
            q++;
        }
        if (fracSep == ',') {
            e.style = Style.DMESG_ISO;
            finishBody(s, q, e);
            return q;
        }
        if (sep == 'T' && hostAndTag(s, q, e)) {
            return q;
        }
        e.style = Style.ISO_BARE;
        finishBody(s, q, e);
        return q;
    }

    /** {@code Z}, {@code +00:00}, {@code +0000}, {@code -05} or nothing. */
    private static int zone(String s, int q) {
        int n = s.length();
        if (q < n && s.charAt(q) == 'Z') {
            return q + 1;
        }
        if (q + 3 <= n && (s.charAt(q) == '+' || s.charAt(q) == '-') && digits(s, q + 1, 2)) {
            int r = q + 3;
            if (r + 3 <= n && s.charAt(r) == ':' && digits(s, r + 1, 2)) {
                return r + 3;
            }
            if (digits(s, r, 2)) {
                return r + 2;
            }
            return r;
        }
        return q;
    }

    /** After {@code 2022-11-21 19:11:06.123+0000: }: optional {@code pid: } and {@code level : }. */
    private void libvirt(String s, int p, LineEnvelope e) {
        int n = s.length();
        e.style = Style.LIBVIRT;
        e.origin = "libvirtd";
        int q = p;
        while (q < n && isDigit(s.charAt(q))) {
            q++;
        }
        if (q > p && q + 1 < n && s.charAt(q) == ':' && s.charAt(q + 1) == ' ') {
            p = q + 2;
            q = p;
            while (q < n && s.charAt(q) >= 'a' && s.charAt(q) <= 'z') {
                q++;
            }
            int level = levelName(s, p, q);
            if (level >= 0 && s.startsWith(" : ", q)) {
                e.level = level;
                p = q + 3;
            }
        }
        e.bodyStart = p;
    }

    /** {@code Nov  5 10:00:01 host tag: }, month in any locale ({@code oct.}, {@code déc.}, {@code Okt}). */
    private boolean syslogDate(String s, LineEnvelope e) {
        int n = s.length();
        int q = 0;
        while (q < n && q < 6 && isLetter(s.charAt(q))) {
            q++;
        }
        if (q < 2 || q >= n) {
            return false;
        }
        if (s.charAt(q) == '.') {
            q++;
        }
        if (q >= n || s.charAt(q) != ' ') {
            return false;
        }
        q++;
        if (q < n && s.charAt(q) == ' ') {
            q++;
        }
        int d = q;
        while (q < n && q - d < 2 && isDigit(s.charAt(q))) {
            q++;
        }
        if (q == d || q + 9 > n || s.charAt(q) != ' ' || !clock(s, q + 1)) {
            return false;
        }
        q += 9;
        q = skipFraction(s, q);
        if (q >= n || s.charAt(q) != ' ') {
            return false;
        }
        e.wallClock = wallClock(s, q);
        q++;
        kernelBodyFrom = -1;
        if (hostAndTag(s, q, e)) {
            int k = kernelBodyFrom;
            // only for a month name in upper case: a line starting in lower case was first tried as a dmesg -x level
            if (k > 0 && s.charAt(k - 1) == ' ' && isUpper(s.charAt(0)) && !s.startsWith(syslogPrefix)) {
                syslogPrefix = s.substring(0, k);
                syslogPrefixWallClock = e.wallClock;
                syslogPrefixHost = e.host;
            }
        } else {
            // A syslog line whose message has no "tag:" still has date and host.
            e.style = Style.SYSLOG;
            int h = s.indexOf(' ', q);
            if (h <= q || s.lastIndexOf(':', h) >= q) {
                finishBody(s, q, e);
            } else {
                e.host = hosts.get(s, q, h);
                finishBody(s, h + 1, e);
            }
        }
        return true;
    }

    /** After {@code kernel: }: an optional {@code [ts]} stamp, then the body with its own origin. */
    private void kernelBody(String s, int q, LineEnvelope e) {
        int m = monotonic(s, q, e);
        if (m > 0) {
            e.syslogPath = true;
            q = callerId(s, m);
        }
        finishBody(s, q, e);
    }

    /** {@code host kernel: [ts] msg} or {@code host prog[pid]: msg} at {@code p}. */
    private boolean hostAndTag(String s, int p, LineEnvelope e) {
        int h = s.indexOf(' ', p);
        if (h <= p || s.lastIndexOf(':', h) >= p) {
            return false;
        }
        int tagEnd = tagEnd(s, h + 1);
        if (tagEnd < 0) {
            return false;
        }
        e.style = Style.SYSLOG;
        e.host = hosts.get(s, p, h);
        return afterTag(s, h + 1, tagEnd, e);
    }

    /** A line starting with {@code kernel: } (a syslog excerpt with date and host cut away). */
    private boolean kernelTag(String s, int p, LineEnvelope e) {
        if (!s.startsWith("kernel:", p) || !(s.length() == p + 7 || s.charAt(p + 7) == ' ')) {
            return false;
        }
        e.style = Style.SYSLOG;
        return afterTag(s, p, p + 6, e);
    }

    /**
     * After the process tag: for {@code kernel:} an optional {@code [ts]} stamp and the body with its
     * own origin; for any other process the tag is the origin and stays in the body.
     */
    private boolean afterTag(String s, int tagStart, int colon, LineEnvelope e) {
        int n = s.length();
        if (colon - tagStart == 6 && s.startsWith("kernel", tagStart)) {
            int q = Math.min(colon + 2, n);
            kernelBodyFrom = q;
            kernelBody(s, q, e);
            return true;
        }
        int bracket = s.lastIndexOf('[', colon);
        int nameEnd = bracket > tagStart ? bracket : colon;
        e.origin = body.originOf(s, tagStart, nameEnd);
        e.bodyStart = tagStart;
        return true;
    }

    /**
     * End (index of the colon) of a syslog tag at {@code p}: {@code kernel:} or {@code name[pid]:} or
     * {@code name:}, followed by a space or the end of line; -1 if there is none.
     */
    private static int tagEnd(String s, int p) {
        int n = s.length();
        int q = p;
        while (q < n) {
            char c = s.charAt(q);
            if (c == ':' || c == ' ' || c == '[') {
                break;
            }
            q++;
        }
        if (q == p || q >= n) {
            return -1;
        }
        if (s.charAt(q) == '[') {
            int r = q + 1;
            while (r < n && isDigit(s.charAt(r))) {
                r++;
            }
            if (r == q + 1 || r + 1 >= n || s.charAt(r) != ']') {
                return -1;
            }
            q = r + 1;
        }
        if (s.charAt(q) != ':' || !(q + 1 == n || s.charAt(q + 1) == ' ')) {
            return -1;
        }
        return q;
    }

    /**
     * journalctl -o short-monotonic puts {@code host kernel: } after the stamp. Only {@code kernel} or a
     * {@code name[pid]} tag count, so that a body like {@code DMAR: IOMMU enabled} is never taken for one.
     */
    private int journalMonotonicTag(String s, int p, LineEnvelope e) {
        int tag = p;
        int end = restrictedTagEnd(s, tag);
        if (end < 0) {
            int h = s.indexOf(' ', p);
            if (h <= p || s.lastIndexOf(':', h) >= p || s.lastIndexOf('[', h) >= p) {
                return 0;
            }
            tag = h + 1;
            end = restrictedTagEnd(s, tag);
            if (end < 0) {
                return 0;
            }
            e.host = hosts.get(s, p, h);
        }
        afterTagMonotonic(s, tag, end, e);
        return e.bodyStart;
    }

    private void afterTagMonotonic(String s, int tagStart, int colon, LineEnvelope e) {
        if (colon - tagStart == 6 && s.startsWith("kernel", tagStart)) {
            e.bodyStart = Math.min(colon + 2, s.length());
            return;
        }
        // As in afterTag: a tag ending in ']' need not hold a '[' of its own (the last '[' may be the stamp's,
        // before the tag); found by fuzzing as a StringIndexOutOfBoundsException.
        int bracket = s.lastIndexOf('[', colon);
        e.origin = body.originOf(s, tagStart, bracket > tagStart ? bracket : colon);
        e.bodyStart = tagStart;
    }

    private static int restrictedTagEnd(String s, int p) {
        int end = tagEnd(s, p);
        if (end < 0) {
            return -1;
        }
        boolean kernel = end - p == 6 && s.startsWith("kernel", p);
        return kernel || s.charAt(end - 1) == ']' ? end : -1;
    }

    /** {@code [    1.234567]} then an optional space; sets monotonic; 0 if not a stamp. */
    private static int monotonic(String s, int p, LineEnvelope e) {
        int n = s.length();
        if (p >= n || s.charAt(p) != '[') {
            return 0;
        }
        int q = p + 1;
        while (q < n && s.charAt(q) == ' ') {
            q++;
        }
        double whole = 0;
        int ds = q;
        while (q < n && isDigit(s.charAt(q))) {
            whole = whole * 10 + (s.charAt(q) - '0');
            q++;
        }
        if (q == ds || q >= n || s.charAt(q) != '.') {
            return 0;
        }
        q++;
        double frac = 0;
        int fs = q;
        while (q < n && isDigit(s.charAt(q))) {
            frac = frac * 10 + (s.charAt(q) - '0');
            q++;
        }
        int k = q - fs;
        if (q + 1 < n && s.charAt(q) == ' ' && s.charAt(q + 1) == '<') {
            // dmesg -d (--show-delta): "[    0.000000 <    0.000000>]"; the delta is dropped
            int r = q + 2;
            while (r < n && s.charAt(r) == ' ') {
                r++;
            }
            int d = r;
            while (r < n && isDigit(s.charAt(r))) {
                r++;
            }
            if (r == d || r >= n || s.charAt(r) != '.') {
                return 0;
            }
            int f = ++r;
            while (r < n && isDigit(s.charAt(r))) {
                r++;
            }
            if (r == f || r + 1 >= n || s.charAt(r) != '>') {
                return 0;
            }
            q = r + 1;
        }
        if (q == fs || q >= n || s.charAt(q) != ']') {
            return 0;
        }
        e.monotonic = whole + frac / (k < POW10.length ? POW10[k] : Math.pow(10, k));
        q++;
        return q < n && s.charAt(q) == ' ' ? q + 1 : q;
    }

    /**
     * dmesg -e / -H (--reltime): {@code [Nov25 10:00] } on the first line of a minute, {@code [  +0.000123] }
     * (time since the line before) on the others. The first kind is kept as the wall clock.
     */
    private static int reltime(String s, int p, LineEnvelope e) {
        int n = s.length();
        if (p + 3 >= n || s.charAt(p) != '[') {
            return 0;
        }
        int q = p + 1;
        while (q < n && s.charAt(q) == ' ') {
            q++;
        }
        if (q < n && s.charAt(q) == '+') {
            int d = ++q;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
            if (q == d || q >= n || s.charAt(q) != '.') {
                return 0;
            }
            int f = ++q;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
            if (q == f || q >= n || s.charAt(q) != ']') {
                return 0;
            }
        } else {
            q = word(s, p + 1);
            if (q < 0 || q + 9 > n || !digits(s, q, 2) || s.charAt(q + 2) != ' ' || !digits(s, q + 3, 2)
                    || s.charAt(q + 5) != ':' || !digits(s, q + 6, 2) || s.charAt(q + 8) != ']') {
                return 0;
            }
            q += 8;
            e.wallClock = s.substring(p + 1, q);
        }
        q++;
        return q < n && s.charAt(q) == ' ' ? q + 1 : q;
    }

    /**
     * journalctl -o short-full: {@code Wed 2026-11-25 10:00:01 UTC host kernel: msg} (a host and a tag
     * must follow, or the line is not taken for one).
     */
    private boolean shortFull(String s, LineEnvelope e) {
        int n = s.length();
        int q = word(s, 0);
        if (q < 0 || q + 21 > n || s.charAt(q) != ' ' || !digits(s, q + 1, 4) || s.charAt(q + 5) != '-'
                || !digits(s, q + 6, 2) || s.charAt(q + 8) != '-' || !digits(s, q + 9, 2) || s.charAt(q + 11) != ' '
                || !clock(s, q + 12)) {
            return false;
        }
        q += 20;
        q = skipFraction(s, q);
        if (q >= n || s.charAt(q) != ' ') {
            return false;
        }
        int z = ++q;
        while (q < n && isZoneChar(s.charAt(q))) {
            q++;
        }
        if (q == z || q >= n || s.charAt(q) != ' ') {
            return false;
        }
        String wall = s.substring(0, q);
        if (!hostAndTag(s, q + 1, e)) {
            e.reset();
            return false;
        }
        e.wallClock = wall;
        return true;
    }

    private static boolean isZoneChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '+' || c == '-';
    }

    /** printk caller id {@code [T123] }, {@code [    T1] } or {@code [C1] } after the stamp: dropped. */
    private static int callerId(String s, int p) {
        int n = s.length();
        if (p + 3 < n && s.charAt(p) == '[') {
            int k = p + 1;
            while (k < n && s.charAt(k) == ' ') {
                k++;
            }
            if (k >= n || (s.charAt(k) != 'T' && s.charAt(k) != 'C')) {
                return p;
            }
            int q = k + 1;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
            if (q > k + 1 && q < n && s.charAt(q) == ']') {
                q++;
                return q < n && s.charAt(q) == ' ' ? q + 1 : q;
            }
        }
        return p;
    }

    /** {@code [Wed Nov 25 10:00:01 2026]} (dmesg -T; names in any locale, day space padded). */
    private static int ctime(String s, int p, LineEnvelope e) {
        int n = s.length();
        if (p >= n || s.charAt(p) != '[') {
            return 0;
        }
        int q = word(s, p + 1);
        if (q < 0 || q >= n || s.charAt(q) != ' ') {
            return 0;
        }
        q = word(s, q + 1);
        if (q < 0 || q >= n || s.charAt(q) != ' ') {
            return 0;
        }
        q++;
        if (q < n && s.charAt(q) == ' ') {
            q++;
        }
        int d = q;
        while (q < n && q - d < 2 && isDigit(s.charAt(q))) {
            q++;
        }
        if (q == d || q + 15 > n || s.charAt(q) != ' ' || !clock(s, q + 1) || s.charAt(q + 9) != ' '
                || !digits(s, q + 10, 4) || s.charAt(q + 14) != ']') {
            return 0;
        }
        e.wallClock = s.substring(p + 1, q + 14);
        q += 15;
        return q < n && s.charAt(q) == ' ' ? q + 1 : q;
    }

    /** 2..6 letters and an optional dot; the end index, or -1. */
    private static int word(String s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && q - p < 6 && isLetter(s.charAt(q))) {
            q++;
        }
        if (q - p < 2) {
            return -1;
        }
        return q < n && s.charAt(q) == '.' ? q + 1 : q;
    }

    /** {@code HH:MM:SS} at {@code p}. */
    private static boolean clock(String s, int p) {
        return p + 8 <= s.length() && digits(s, p, 2) && s.charAt(p + 2) == ':' && digits(s, p + 3, 2)
                && s.charAt(p + 5) == ':' && digits(s, p + 6, 2);
    }

    private static boolean digits(String s, int p, int len) {
        if (p + len > s.length()) {
            return false;
        }
        for (int i = p; i < p + len; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Any script's letter; the ASCII test first because {@code Character.isLetter} is slow without C2. */
    private static boolean isLetter(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c);
    }

    /** Skips an optional fractional part of seconds ({@code .123456}) at {@code q}; returns the index after it. */
    private static int skipFraction(String s, int q) {
        int n = s.length();
        if (q + 1 < n && s.charAt(q) == '.' && isDigit(s.charAt(q + 1))) {
            q++;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
        }
        return q;
    }
}
