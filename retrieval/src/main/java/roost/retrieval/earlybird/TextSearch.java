package roost.retrieval.earlybird;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Full-text search over the tweet text, with author, time and language filters, ordered by
 * relevance (BM25) or newest first. The query language is Lucene's simple query syntax: words are
 * all required, {@code "a phrase"}, {@code a | b}, {@code -word}, {@code prefix*}; it never fails to
 * parse. Thread-safe.
 */
public final class TextSearch {
    public static final int MAX_LIMIT = 10_000;

    private static final Set<String> TEXT_ONLY = Set.of(TweetFields.TEXT);

    /** Result order. */
    public enum Order {
        RELEVANCE,
        RECENT
    }

    /**
     * @param query text query (simple query syntax), not blank
     * @param authorIds only these authors; empty for all
     * @param since oldest createdAt (inclusive), or null
     * @param until newest createdAt (inclusive), or null
     * @param lang only this language, or null
     */
    public record Request(String query, long[] authorIds, Long since, Long until, String lang, int limit, Order order) {
        public Request {
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException("query must not be blank");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
            }
            authorIds = authorIds == null ? new long[0] : authorIds;
            order = order == null ? Order.RELEVANCE : order;
        }
    }

    /** One hit. {@code score} is BM25 (also under {@link Order#RECENT}, where it does not order). */
    public record Hit(long tweetId, long authorId, long createdAt, String text, String lang, double score) {}

    /** @param totalHits matching tweets (a lower bound when {@code totalExact} is false) */
    public record Result(List<Hit> hits, long totalHits, boolean totalExact) {}

    private final TweetIndex index;

    public TextSearch(TweetIndex index) {
        this.index = index;
    }

    public Result search(Request r) {
        SimpleQueryParser parser = new SimpleQueryParser(index.analyzer(), TweetFields.TEXT);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query text = parser.parse(r.query());
        if (text == null) {
            // Only stop words or punctuation: nothing can match.
            text = new MatchNoDocsQuery("query has no searchable words");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (r.authorIds().length > 0) {
            List<BytesRef> terms = new ArrayList<>();
            for (long a : r.authorIds()) {
                terms.add(TweetFields.idBytes(a));
            }
            b.add(new TermInSetQuery(TweetFields.AUTHOR, terms), BooleanClause.Occur.FILTER);
        }
        if (r.since() != null || r.until() != null) {
            b.add(
                    LongPoint.newRangeQuery(
                            TweetFields.CREATED_AT,
                            r.since() == null ? Long.MIN_VALUE : r.since(),
                            r.until() == null ? Long.MAX_VALUE : r.until()),
                    BooleanClause.Occur.FILTER);
        }
        if (r.lang() != null && !r.lang().isBlank()) {
            b.add(
                    new TermQuery(new Term(TweetFields.LANG, r.lang().trim().toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        return index.search(searcher -> {
            TopDocs top = r.order() == Order.RECENT
                    ? searcher.search(query, r.limit(), TweetFields.INDEX_SORT, true)
                    : searcher.search(query, r.limit(), Sort.RELEVANCE, true);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            var leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                // Text from the stored fields; the rest from doc values (id and language are not stored).
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                LeafReader reader = leaf.reader();
                int doc = sd.doc - leaf.docBase;
                SortedDocValues lang = DocValues.getSorted(reader, TweetFields.LANG);
                hits.add(new Hit(
                        readLong(reader, doc, TweetFields.ID_DV),
                        readLong(reader, doc, TweetFields.AUTHOR_DV),
                        readLong(reader, doc, TweetFields.CREATED_AT),
                        reader.storedFields().document(doc, TEXT_ONLY).get(TweetFields.TEXT),
                        lang.advanceExact(doc) ? lang.lookupOrd(lang.ordValue()).utf8ToString() : "",
                        Float.isNaN(sd.score) ? 0 : sd.score));
            }
            return new Result(
                    hits,
                    top.totalHits.value,
                    top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO);
        });
    }

    private static long readLong(LeafReader reader, int doc, String field) throws IOException {
        NumericDocValues dv = DocValues.getNumeric(reader, field);
        return dv.advanceExact(doc) ? dv.longValue() : 0;
    }
}
