package dev.iommudoctor.parser.input;

/**
 * What one bundle may cost before reading stops: customers' bundles are large, attackers' bundles are
 * bombs. Hitting a limit marks the result partial; it never fails the whole analysis.
 *
 * @param maxEntries     archive members and directory files visited
 * @param maxTotalBytes  decompressed bytes read across the whole bundle
 * @param maxDepth       archives nested inside archives (a .tar.gz inside an uploaded .zip is depth 2)
 */
public record BundleLimits(int maxEntries, long maxTotalBytes, int maxDepth) {

    public static final BundleLimits DEFAULT = new BundleLimits(200_000, 16L << 30, 3);
}
