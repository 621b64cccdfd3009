package org.sunbid.platform.credit.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

class ListFileTest {

    static final String HEADER = String.join(",", ListFile.HEADER);

    static String code(int n) {
        String first17 = "91990100MA" + String.format("%07d", n);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static String row(String code, String entryId) {
        return code + ",某某有限公司,拒不履行生效法律文书,《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条,云州市中级人民法院,"
                + "（2026）云01执1号,严重,2026-05-01,2028-04-30,2026-05-01,2028-04-30," + entryId;
    }

    private static List<ListFile.Entry> parse(String text) {
        return ListFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String text, int line, LineProblem problem) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(MalformedListException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    @Test
    void readsEntriesWithBeijingDaysAndTheLastDayInForce() {
        List<ListFile.Entry> entries = parse("\uFEFF" + HEADER + "\r\n" + row(code(1), "A-1") + "\r\n"
                + row(code(2).toLowerCase(), "A-2").replace("某某有限公司", "\"某某\"\"宏达\"\"有限公司\"") + "\r\n");
        assertThat(entries).hasSize(2);
        ListFile.Entry a = entries.get(0);
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.creditClass()).isEqualTo(CreditClass.SERIOUS);
        assertThat(a.restrictionFrom()).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
        assertThat(a.restrictionUntil()).isEqualTo(Instant.parse("2028-04-30T16:00:00Z")); // 2028-04-30 is still in force
        assertThat(entries.get(1).creditCode()).isEqualTo(code(2)); // normalised to upper case
        assertThat(entries.get(1).name()).isEqualTo("某某\"宏达\"有限公司");
        assertThat(a.contentSm3()).isNotEqualTo(entries.get(1).contentSm3());
    }

    @Test
    void theFirstBadLineRefusesTheWholeFileWithItsLine() {
        String good = HEADER + "\n" + row(code(1), "A-1") + "\n";
        refused("credit_code,name\n" + row(code(1), "A-1"), 1, LineProblem.WRONG_HEADER);
        refused(good + row(code(1).substring(0, 17) + (code(1).endsWith("0") ? "1" : "0"), "A-2") + "\n", 3, LineProblem.BAD_CREDIT_CODE);
        refused(good + row(code(2), "A-2").replace(",云州市中级人民法院,", ",,") + "\n", 3, LineProblem.MISSING_FIELD);
        refused(good + row(code(2), "A-2").replace("2028-04-30,2026-05-01", "2028-02-30,2026-05-01") + "\n", 3, LineProblem.BAD_DATE);
        refused(good + row(code(2), "A-2").replace("2028-04-30,2026-05-01", "2026-04-01,2026-05-01") + "\n", 3, LineProblem.BAD_PERIOD);
        refused(good + row(code(2), "A-1") + "\n", 3, LineProblem.DUPLICATE_ENTRY);
        refused(good + row(code(2), "A-2").replace("严重", "很严重") + "\n", 3, LineProblem.BAD_CLASS);
        refused(good + row(code(2), "A-2") + ",extra\n", 3, LineProblem.WRONG_FIELD_COUNT);
        refused(good + row(code(2), "A-2").replace("某某有限公司", "某\"某") + "\n", 3, LineProblem.BAD_QUOTE);
        refused(HEADER + "\n", 2, LineProblem.NO_ENTRIES);
        // an entry is one line: a line break inside a quoted field is refused where its row starts
        refused(HEADER + "\n" + row(code(1), "A-1").replace("某某有限公司", "\"某某\n有限公司\"") + "\n", 2,
                LineProblem.CONTROL_CHARACTER);
    }

    @Test
    void notUtf8IsRefused() {
        byte[] gbk = (HEADER + "\n" + row(code(1), "A-1")).getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThatThrownBy(() -> ListFile.parse(gbk)).isInstanceOfSatisfying(MalformedListException.class,
                e -> assertThat(e.problem()).isEqualTo(LineProblem.NOT_UTF8));
    }
}
