package org.sunbid.platform.catalog;

/**
 * An administrative region (行政区划).
 *
 * @param code       GB/T 2260 code: 6 digits (province to county), 9 (township) or 12 (village)
 * @param name       Chinese name, e.g. 青山县
 * @param level      its level in the tree
 * @param parentCode the enclosing region, null for a root
 * @param path       codes from the root down, {@code /}-separated and {@code /}-terminated
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String path) {

    /** Whether {@code other} is this region or lies inside it. */
    public boolean contains(Region other) {
        return other.path.startsWith(path);
    }

    /** How deep this region is in the tree, 0 for a root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
