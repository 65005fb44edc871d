package dev.iommudoctor.parser.input;

/**
 * What one bundle may cost before reading stops: customers' bundles are large, attackers' bundles are
 * bombs. Hitting a limit marks the result partial; it never fails the whole analysis.
 *
 * @param maxEntries     archive members and directory files visited
 * @param maxTotalBytes  decompressed bytes read across the whole bundle
 * @param maxDepth       archives nested inside archives (a .tar.gz inside an uploaded .zip is depth 2)
 * @param maxRatio       decompressed bytes per compressed byte read, checked once more than
 *                       {@code ratioFloorBytes} were decompressed: real kernel logs compress 10-50:1 (xz on a
 *                       fault storm about 100:1), a bomb of zeros 1000:1 (gzip) to millions:1 (xz, bzip2)
 * @param ratioFloorBytes decompressed bytes below which the ratio is not checked (small files compress well
 *                       and cost nothing)
 */
public record BundleLimits(int maxEntries, long maxTotalBytes, int maxDepth, long maxRatio, long ratioFloorBytes) {

    public static final long DEFAULT_MAX_RATIO = 250;
    public static final long DEFAULT_RATIO_FLOOR = 64L << 20;

    public static final BundleLimits DEFAULT = new BundleLimits(200_000, 16L << 30, 3);

    /** Limits with the default compression-ratio guard. */
    public BundleLimits(int maxEntries, long maxTotalBytes, int maxDepth) {
        this(maxEntries, maxTotalBytes, maxDepth, DEFAULT_MAX_RATIO, DEFAULT_RATIO_FLOOR);
    }
}
