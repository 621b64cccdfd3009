package org.sunbid.platform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionLevelTest {

    @Test
    void aRegionContainsOnlyDeeperLevels() {
        assertTrue(RegionLevel.PROVINCE.mayContain(RegionLevel.CITY));
        assertTrue(RegionLevel.CITY.mayContain(RegionLevel.TOWNSHIP)); // e.g. towns directly under a prefecture city
        assertFalse(RegionLevel.COUNTY.mayContain(RegionLevel.COUNTY));
        assertFalse(RegionLevel.TOWNSHIP.mayContain(RegionLevel.CITY));
    }

    @Test
    void subtreeIsAPathPrefix() {
        Region city = new Region("990100", "云州市", RegionLevel.CITY, "990000", "990000/990100/");
        Region county = new Region("990121", "青山县", RegionLevel.COUNTY, "990100", "990000/990100/990121/");
        Region otherCity = new Region("990200", "别州市", RegionLevel.CITY, "990000", "990000/990200/");
        assertTrue(city.contains(county));
        assertTrue(city.contains(city));
        assertFalse(county.contains(city));
        assertFalse(otherCity.contains(county));
        assertEquals(2, county.depth());
    }
}
