package org.sunbid.platform.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /** This region's code, then its parent's, … up to the root's: the order in which "the nearest region up" is sought. */
    public List<String> upwards() {
        List<String> codes = new ArrayList<>(List.of(path.split("/")));
        Collections.reverse(codes);
        return List.copyOf(codes);
    }

    /** How deep this region is in the tree, 0 for a root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
