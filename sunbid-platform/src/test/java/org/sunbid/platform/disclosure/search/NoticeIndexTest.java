package org.sunbid.platform.disclosure.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeType;

/** The index's analysis and query building, plain Java on a temporary directory (no Spring, no database). */
class NoticeIndexTest {

    @TempDir
    Path dir;

    private NoticeIndex index;

    @BeforeEach
    void fill() {
        index = NoticeIndex.open(dir);
        index.put(notice("A", NoticeType.TENDER_NOTICE, "云州大道道路改造工程", "沥青混凝土面层 道路 施工 <script>x</script>", "GCJS",
                List.of("330000", "330100", "330102"), "2026-11-02T02:00:00Z", "5000000"));
        index.put(notice("B", NoticeType.RESULT, "防汛物资采购项目 中标结果公告", "中标人：临江水利水电工程有限公司 防汛物资", "ZFCG",
                List.of("330000", "330200"), "2026-11-10T02:00:00Z", "1200000"));
        index.put(notice("C", NoticeType.AUCTION_ANNOUNCEMENT, "商住地块国有建设用地使用权挂牌出让", "国有建设用地使用权 挂牌 竞买", "TDSYQ",
                List.of("330000", "330100"), "2026-11-20T02:00:00Z", null));
        index.commit();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static NoticeIndex.Notice notice(String id, NoticeType type, String title, String body, String kind,
            List<String> regions, String at, String value) {
        return new NoticeIndex.Notice(id, type, title, body, kind, kind + "_OPEN", regions.get(regions.size() - 1), regions,
                "CODE-" + id, "lot-" + id, "PUBLISHED", Instant.parse(at), value == null ? null : new BigDecimal(value),
                "/tenders/" + id);
    }

    private static NoticeQuery q(String text) {
        return new NoticeQuery(text, null, null, null, null, null, null, null, null, null, null, 0, 10);
    }

    private static List<String> ids(NoticeResults r) {
        return r.hits().stream().map(NoticeResults.Hit::id).toList();
    }

    @Test
    void chineseWordsAreFoundWhereverTheyStandInTheText() {
        assertThat(ids(index.search(q("道路")))).containsExactly("A");
        assertThat(ids(index.search(q("防汛物资")))).containsExactly("B");
        assertThat(ids(index.search(q("建设用地")))).containsExactly("C");
    }

    @Test
    void everyWordOfTheQueryMustOccur() {
        assertThat(ids(index.search(q("防汛 中标")))).containsExactly("B");
        assertThat(ids(index.search(q("防汛 道路")))).isEmpty();
    }

    @Test
    void charactersTypedTogetherMustOccurTogether() {
        // 沥青 and 面层 both occur in A's body, but not as 沥青面层
        assertThat(ids(index.search(q("沥青 面层")))).containsExactly("A");
        assertThat(index.search(q("沥青面层")).total()).isZero();
        assertThat(ids(index.search(q("沥青混凝土面层")))).containsExactly("A");
    }

    @Test
    void queryTextIsNeverQuerySyntax() {
        assertThat(index.search(q("道路 OR 防汛")).total()).isZero();
        assertThat(index.search(q("title:道路 AND (")).total()).isZero();
        assertThat(index.search(q("*:*")).total()).isZero();
    }

    @Test
    void aRegionFilterMatchesItsWholeSubtree() {
        NoticeQuery province = new NoticeQuery("", null, null, null, "330000", null, null, null, null, null, null, 0, 10);
        NoticeQuery city = new NoticeQuery("", null, null, null, "330100", null, null, null, null, null, null, 0, 10);
        NoticeQuery district = new NoticeQuery("", null, null, null, "330102", null, null, null, null, null, null, 0, 10);
        assertThat(index.search(province).total()).isEqualTo(3);
        assertThat(ids(index.search(city))).containsExactlyInAnyOrder("A", "C");
        assertThat(ids(index.search(district))).containsExactly("A");
    }

    @Test
    void filtersByTypeKindDateAndValue() {
        assertThat(ids(index.search(new NoticeQuery("", Set.of(NoticeType.RESULT), null, null, null, null, null, null, null,
                null, null, 0, 10)))).containsExactly("B");
        assertThat(ids(index.search(new NoticeQuery("", null, Set.of("TDSYQ", "GCJS"), null, null, null, null, null, null,
                null, null, 0, 10)))).containsExactlyInAnyOrder("A", "C");
        // Beijing dates: 2026-11-10T02:00Z is 10:00 on 10 November in Beijing
        assertThat(ids(index.search(new NoticeQuery("", null, null, null, null, null, LocalDate.parse("2026-11-10"),
                LocalDate.parse("2026-11-10"), null, null, null, 0, 10)))).containsExactly("B");
        assertThat(ids(index.search(new NoticeQuery("", null, null, null, null, null, null, null, new BigDecimal("2000000"),
                null, null, 0, 10)))).containsExactly("A");
    }

    @Test
    void sortsAndPagesWithoutOverlap() {
        assertThat(ids(index.search(new NoticeQuery("", null, null, null, null, null, null, null, null, null,
                NoticeQuery.Sort.NEWEST, 0, 10)))).containsExactly("C", "B", "A");
        assertThat(ids(index.search(new NoticeQuery("", null, null, null, null, null, null, null, null, null,
                NoticeQuery.Sort.VALUE_DESC, 0, 10)))).containsExactly("A", "B", "C");
        NoticeResults second = index.search(new NoticeQuery("", null, null, null, null, null, null, null, null, null,
                NoticeQuery.Sort.OLDEST, 1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(ids(second)).containsExactly("C");
    }

    @Test
    void theSnippetMarksTheWordsAndEscapesEverythingElse() {
        String snippet = index.search(q("道路")).hits().get(0).snippet();
        assertThat(snippet).contains("<mark>道路</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void writingANoticeAgainReplacesIt() {
        index.replaceLot("lot-A", List.of(notice("A", NoticeType.TENDER_NOTICE, "云州大道道路改造工程", "改造", "GCJS",
                List.of("330000"), "2026-11-02T02:00:00Z", "5000000")));
        index.replaceLot("lot-A", List.of(notice("A", NoticeType.TENDER_NOTICE, "云州大道道路改造工程", "改造", "GCJS",
                List.of("330000"), "2026-11-02T02:00:00Z", "5000000")));
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.search(q("沥青")).total()).isZero();
        index.replaceLot("lot-A", List.of());
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void anIndexOfThisVersionIsKeptAndAMissingOneIsNot() {
        index.close();
        index = NoticeIndex.open(dir);
        assertThat(index.current()).isTrue();
        assertThat(index.size()).isEqualTo(3);
        try (NoticeIndex fresh = NoticeIndex.open(dir.resolve("other"))) {
            assertThat(fresh.current()).isFalse();
        }
    }
}
