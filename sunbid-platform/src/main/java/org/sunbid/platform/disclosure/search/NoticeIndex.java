package org.sunbid.platform.disclosure.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeType;

/**
 * The Lucene index of the published notices (issue 18), plain Java: its schema, how a notice becomes a document and how
 * a {@link NoticeQuery} becomes a Lucene query, with highlighting. Public (but not part of disclosure's API) only so
 * that the search benchmark ({@code bench/SearchBench}) builds and queries its 10^6 notices with exactly the platform's
 * code; the platform itself reaches it only through {@code disclosure.NoticeSearch}.
 *
 * <p>Text (title and body) is analysed by {@link SmartChineseAnalyzer}; the words of a query must all match (AND), the
 * characters of each word together (a phrase). Each
 * notice has a stable id: writing it again replaces it ({@link IndexWriter#updateDocument}). The index's schema version
 * is kept in its commit data ({@link #VERSION}); an index written with another version is rebuilt.
 */
public final class NoticeIndex implements Closeable {

    /** The schema's version, stored with every commit; change it whenever a field or how it is built changes. */
    public static final String VERSION = "1";

    /** Beijing: the dates of a query are Beijing dates. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The largest {@code (page + 1) * size} a query may ask for (deeper pages are refused, not slowly collected). */
    public static final int MAX_WINDOW = 10_000;

    static final String ID = "id";
    static final String TYPE = "type";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String KIND = "kind";
    static final String PROCEDURE = "procedure";
    static final String REGION = "region"; // the deal's region and every region above it (a filter matches a subtree)
    static final String REGION_CODE = "region_code";
    static final String STAGE = "stage";
    static final String DEAL_CODE = "deal_code";
    static final String LOT = "lot";
    static final String PUBLISHED = "published"; // epoch millis
    static final String VALUE = "value"; // fen
    static final String URL = "url";
    private static final String VERSION_KEY = "sunbid.version";

    /** The body: analysed and stored, with offsets in its postings so that highlighting never analyses it again. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    /**
     * One public notice as indexed.
     *
     * @param id          stable id, e.g. {@code TENDER_NOTICE:<lotId>}
     * @param type        its kind
     * @param title       its title as published
     * @param body        its text as published (what the portal shows)
     * @param dealKind    GCJS, ZFCG, TDSYQ, KYQ or GYCQ
     * @param procedure   the procedure code
     * @param regionCode  the deal's region
     * @param regionPath  that region and every region above it (the region filter matches any of them)
     * @param dealCode    the unified deal code or lot code
     * @param lotId       the lot
     * @param stage       the deal's stage ({@code DealStage} name) when indexed
     * @param publishedAt when it was published
     * @param value       the deal's value in yuan, or null
     * @param url         the portal's path showing it
     */
    public record Notice(String id, NoticeType type, String title, String body, String dealKind, String procedure,
            String regionCode, Collection<String> regionPath, String dealCode, String lotId, String stage,
            Instant publishedAt, BigDecimal value, String url) {
    }

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean current;

    private NoticeIndex(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        boolean exists = DirectoryReader.indexExists(directory);
        this.current = exists && VERSION.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(VERSION_KEY));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.writer.setLiveCommitData(Map.of(VERSION_KEY, VERSION).entrySet());
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index under {@code dir}; an index of another schema version is emptied ({@link #current}). */
    public static NoticeIndex open(Path dir) {
        try {
            return new NoticeIndex(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the index existed with this schema version when opened (otherwise it starts empty and must be rebuilt). */
    public boolean current() {
        return current;
    }

    /** Empties the index (before a rebuild); visible after {@link #commit}. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces one notice (by its id); visible after {@link #commit}. */
    public void put(Notice n) {
        try {
            writer.updateDocument(new Term(ID, n.id()), document(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a notice known to be new (a bulk load into an empty index, as the benchmark does): no lookup of an older
     * version; visible after {@link #commit}.
     */
    public void add(Notice n) {
        try {
            writer.addDocument(document(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces everything indexed for lot {@code lotId} by {@code notices} and commits: the lot's public notices as they
     * are now. Running it again with the same notices changes nothing.
     */
    public synchronized void replaceLot(String lotId, List<Notice> notices) {
        try {
            writer.deleteDocuments(new Term(LOT, lotId));
            for (Notice n : notices) {
                writer.updateDocument(new Term(ID, n.id()), document(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commit();
    }

    /** Makes every change durable (with the schema version) and visible to searches. */
    public synchronized void commit() {
        try {
            writer.setLiveCommitData(Map.of(VERSION_KEY, VERSION).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many notices are indexed (as of the last commit). */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** The lots with a notice whose indexed stage is not among {@code stages} (e.g. the deals still running). */
    public java.util.Set<String> lotsOutside(Collection<String> stages) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        anyOfNot(b, STAGE, stages);
        Query query = b.build();
        return withSearcher(s -> {
            java.util.Set<String> lots = new java.util.HashSet<>();
            for (ScoreDoc sd : s.search(query, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                lots.add(s.storedFields().document(sd.doc, java.util.Set.of(LOT)).get(LOT));
            }
            return lots;
        });
    }

    private static void anyOfNot(BooleanQuery.Builder b, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
    }

    /** The Lucene document of a notice. */
    static Document document(Notice n) {
        Document d = new Document();
        d.add(new StringField(ID, n.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(n.id())));
        d.add(new StringField(TYPE, n.type().name(), Field.Store.YES));
        d.add(new TextField(TITLE, n.title(), Field.Store.YES));
        d.add(new Field(BODY, n.body() == null ? "" : n.body(), BODY_TYPE));
        keyword(d, KIND, n.dealKind());
        keyword(d, PROCEDURE, n.procedure());
        keyword(d, REGION_CODE, n.regionCode());
        for (String r : n.regionPath()) {
            d.add(new StringField(REGION, r, Field.Store.NO));
        }
        keyword(d, STAGE, n.stage());
        keyword(d, DEAL_CODE, n.dealCode());
        keyword(d, LOT, n.lotId());
        keyword(d, URL, n.url());
        long published = n.publishedAt().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        if (n.value() != null) {
            long fen = fen(n.value());
            d.add(new LongPoint(VALUE, fen));
            d.add(new NumericDocValuesField(VALUE, fen));
            d.add(new StoredField(VALUE, fen));
        }
        return d;
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null) {
            d.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The words of {@code text} as a query on title and body, every word required; null when there are none. */
    Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, analyzer,
                Map.of(TITLE, 2f, BODY, 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        // characters typed together stay together: 梁明远 or 防汛物资 must occur as such (smartcn splits a name it does
        // not know into single characters, which would otherwise match anywhere in the text)
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        try {
            // the visitor's words are words, never query syntax: special characters escaped, and lower case so that
            // AND, OR and NOT are words too (the analyser lower-cases everything anyway)
            Query q = parser.parse(QueryParser.escape(text.strip().toLowerCase(java.util.Locale.ROOT)));
            return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
        } catch (ParseException e) {
            return null;
        }
    }

    /** The whole Lucene query: the words (scored) and the filters (not scored). */
    Query query(NoticeQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query text = textQuery(q.text());
        if (text == null && !q.text().isEmpty()) {
            // words that analyse to nothing (only punctuation) match nothing rather than everything
            return new TermQuery(new Term(ID, "\u0000"));
        }
        b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        anyOf(b, TYPE, q.types().stream().map(Enum::name).toList());
        anyOf(b, KIND, q.dealKinds());
        anyOf(b, PROCEDURE, q.procedures());
        anyOf(b, STAGE, q.stages());
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            b.add(new TermQuery(new Term(REGION, q.regionCode().strip())), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            long lo = q.from() == null ? Long.MIN_VALUE : startOf(q.from());
            long hi = q.to() == null ? Long.MAX_VALUE : startOf(q.to().plusDays(1)) - 1;
            b.add(LongPoint.newRangeQuery(PUBLISHED, lo, hi), Occur.FILTER);
        }
        if (q.minValue() != null || q.maxValue() != null) {
            long lo = q.minValue() == null ? Long.MIN_VALUE : fen(q.minValue());
            long hi = q.maxValue() == null ? Long.MAX_VALUE : fen(q.maxValue());
            b.add(LongPoint.newRangeQuery(VALUE, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    private static long startOf(LocalDate date) {
        return date.atStartOfDay(BEIJING).toInstant().toEpochMilli();
    }

    /** The order of a query's results; ties by newest, then id, so that pages never overlap. */
    static Sort sort(NoticeQuery q) {
        SortField newest = new SortField(PUBLISHED, SortField.Type.LONG, true);
        SortField id = new SortField(ID, SortField.Type.STRING);
        SortField valueDesc = new SortField(VALUE, SortField.Type.LONG, true);
        valueDesc.setMissingValue(Long.MIN_VALUE);
        SortField valueAsc = new SortField(VALUE, SortField.Type.LONG, false);
        valueAsc.setMissingValue(Long.MAX_VALUE);
        return switch (q.sort()) {
            case RELEVANCE -> q.text().isEmpty() ? new Sort(newest, id) : new Sort(SortField.FIELD_SCORE, newest, id);
            case NEWEST -> new Sort(newest, id);
            case OLDEST -> new Sort(new SortField(PUBLISHED, SortField.Type.LONG, false), id);
            case VALUE_DESC -> new Sort(valueDesc, newest, id);
            case VALUE_ASC -> new Sort(valueAsc, newest, id);
        };
    }

    /**
     * One page of the notices matching {@code q}, with the exact total. A page beyond {@link #MAX_WINDOW} results is an
     * {@link IllegalArgumentException} (the callers validate it first).
     */
    public NoticeResults search(NoticeQuery q) {
        int window = (q.page() + 1) * q.size();
        if (window > MAX_WINDOW) {
            throw new IllegalArgumentException("page window " + window + " > " + MAX_WINDOW);
        }
        Query query = query(q);
        return withSearcher(s -> {
            TopDocs top = s.search(query, new TopFieldCollectorManager(sort(q), window, null, Integer.MAX_VALUE));
            int first = Math.min(top.scoreDocs.length, q.page() * q.size());
            TopDocs page = new TopDocs(top.totalHits, Arrays.copyOfRange(top.scoreDocs, first, top.scoreDocs.length));
            String[] snippets = snippets(s, textQuery(q.text()), page);
            List<NoticeResults.Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.scoreDocs.length; i++) {
                hits.add(hit(s, page.scoreDocs[i], snippets[i]));
            }
            return new NoticeResults(top.totalHits.value, q.page(), q.size(), hits);
        });
    }

    /** The raw cost of a search: one term of the body field, top 20 by relevance (the benchmark's baseline). */
    public long rawTermSearch(String term) {
        return withSearcher(s -> (long) s.search(new TermQuery(new Term(BODY, term)), 20).scoreDocs.length);
    }

    /**
     * One snippet per hit: the passage (about 120 characters, cut at word boundaries) with the most matches, the words in
     * {@code <mark>} and everything else HTML-escaped; the offsets come from the body's postings (never analysed
     * again). Null for a hit the words do not touch in its body (or when there are no words).
     */
    private String[] snippets(IndexSearcher s, Query text, TopDocs page) throws IOException {
        if (text == null || page.scoreDocs.length == 0) {
            return new String[page.scoreDocs.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(s, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), 120, 0.5f))
                .withHandleMultiTermQuery(false).build();
        return highlighter.highlight(BODY, text, page, 1);
    }

    private NoticeResults.Hit hit(IndexSearcher s, ScoreDoc sd, String snippet) throws IOException {
        Document d = s.storedFields().document(sd.doc);
        String body = d.get(BODY);
        if (snippet == null) {
            snippet = SimpleHTMLEncoder.htmlEncode(body.length() > 120 ? body.substring(0, 120) + "…" : body);
        }
        Number value = d.getField(VALUE) == null ? null : d.getField(VALUE).numericValue();
        return new NoticeResults.Hit(d.get(ID), NoticeType.valueOf(d.get(TYPE)), d.get(TITLE), snippet, d.get(KIND),
                d.get(PROCEDURE), d.get(REGION_CODE), d.get(DEAL_CODE), d.get(LOT),
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()),
                value == null ? null : BigDecimal.valueOf(value.longValue(), 2), d.get(URL));
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return work.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
