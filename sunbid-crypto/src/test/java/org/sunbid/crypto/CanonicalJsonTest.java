package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndDropsWhiteSpace() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 2L);
        value.put("a", Arrays.asList("x", true, null));
        value.put("c", Map.of("z", 1, "y", "开标"));
        assertEquals("{\"a\":[\"x\",true,null],\"b\":2,\"c\":{\"y\":\"开标\",\"z\":1}}", CanonicalJson.write(value));
    }

    @Test
    void theSameContentInAnyOrderGivesTheSameText() {
        Map<String, Object> one = new HashMap<>();
        Map<String, Object> two = new LinkedHashMap<>();
        one.put("subject", "T-1");
        one.put("action", "tender.published");
        two.put("action", "tender.published");
        two.put("subject", "T-1");
        assertEquals(CanonicalJson.write(one), CanonicalJson.write(two));
    }

    @Test
    void escapesOnlyWhatMustBeEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é中\"", CanonicalJson.write("a\"b\\c\n\u0001é中"));
    }

    @Test
    void refusesFloatingPoint() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5));
    }
}
