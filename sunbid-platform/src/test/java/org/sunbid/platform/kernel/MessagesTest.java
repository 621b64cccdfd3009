package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

/** Every error code of every context has a readable message in Chinese and in English, and both bundles have the same keys. */
class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyErrorCodeHasAMessageInBothLanguages() throws Exception {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        var resolver = new PathMatchingResourcePatternResolver();
        var readers = new CachingMetadataReaderFactory(resolver);
        for (var resource : resolver.getResources("classpath*:org/sunbid/platform/**/*.class")) {
            var metadata = readers.getMetadataReader(resource).getClassMetadata();
            if (!List.of(metadata.getInterfaceNames()).contains(ErrorCode.class.getName())) {
                continue;
            }
            Class<?> type = Class.forName(metadata.getClassName());
            for (Object constant : type.getEnumConstants()) {
                String key = "error." + ((Enum<?>) constant).name();
                checked++;
                if (!zh.containsKey(key)) {
                    missing.add("zh " + key);
                }
                if (!en.containsKey(key)) {
                    missing.add("en " + key);
                }
            }
        }
        assertThat(checked).as("error codes found").isGreaterThan(50); // the scan itself works
        assertThat(missing).isEmpty();
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
    }

    /** A message with arguments goes through MessageFormat, where a lone apostrophe starts a quote and vanishes. */
    @Test
    void noMessageWithArgumentsHasALoneApostrophe() throws Exception {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = bundle(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.matches("(?s).*\\{\\d}.*")) {
                    assertThat(text.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    /** English counts agree with their number: "1 expert", "2 experts" (ChoiceFormat in the bundle, not "1 experts"). */
    @Test
    void englishCountsAreSingularForOne() throws Exception {
        Properties en = bundle("messages_en.properties");
        java.util.function.BiFunction<String, Object[], String> format = (key, args) ->
                new java.text.MessageFormat(en.getProperty(key), java.util.Locale.ENGLISH).format(args);
        assertThat(format.apply("experts.count", new Object[] {1})).isEqualTo("1 expert");
        assertThat(format.apply("experts.count", new Object[] {34})).isEqualTo("34 experts");
        assertThat(format.apply("experts.count", new Object[] {0})).isEqualTo("No experts");
        assertThat(format.apply("portal.draws.members", new Object[] {1})).isEqualTo("1 expert");
        assertThat(format.apply("draw.committee.size", new Object[] {4, 1, 5})).isEqualTo("4 experts + 1 tenderee representative = 5");
        assertThat(format.apply("tender.validity.days", new Object[] {1})).isEqualTo("1 day");
        assertThat(format.apply("tender.validity.days", new Object[] {90})).isEqualTo("90 days");
        assertThat(format.apply("tender.page.opening.awaiting", new Object[] {1, 0, 2})).startsWith("Bidding has closed with 1 valid bid;");
    }
}
