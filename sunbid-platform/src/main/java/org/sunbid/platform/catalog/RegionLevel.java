package org.sunbid.platform.catalog;

/** The level of an administrative region; a child is always at a deeper level than its parent. */
public enum RegionLevel {
    /** 省级: province, autonomous region, municipality. */
    PROVINCE,
    /** 地级: city, prefecture. */
    CITY,
    /** 县级: county, district, county-level city. */
    COUNTY,
    /** 乡级: township, town, sub-district. */
    TOWNSHIP,
    /** 村级: village, community. */
    VILLAGE;

    /** Whether a region of this level may be the parent of one of {@code child}'s level. */
    public boolean mayContain(RegionLevel child) {
        return child.ordinal() > ordinal();
    }
}
