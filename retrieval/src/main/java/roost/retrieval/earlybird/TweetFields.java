package roost.retrieval.earlybird;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The index schema: field names and how a {@link TweetDoc} becomes a Lucene document.
 *
 * <ul>
 *   <li>{@code id}, {@code author}: 8-byte keyword terms (upsert by id, author sets as a term set),
 *       plus numeric doc values {@code id_dv}, {@code author_dv}, from which hits read them (the
 *       id is not stored as well: the doc values hold the same value);
 *   <li>{@code createdAt}: a point (range filters and retention) and numeric doc values (the index
 *       sort, newest first);
 *   <li>{@code text}: analysed (StandardAnalyzer) and stored; {@code textLength} doc values;
 *   <li>{@code lang}: keyword and sorted doc values (read from there, not stored);
 *       {@code mention}, {@code hashtag}: keywords;
 *   <li>{@code inReplyTo}, {@code conversationId} (left out on a root tweet, whose conversation is
 *       its own id: see {@link #conversationQuery}), {@code quotedId}, {@code retweetOf}: keyword
 *       terms and stored; {@code flags}: doc values (media, video, link, reply);
 *   <li>{@code authorFollowers}: doc values, the author's followers when indexed (reputation);
 *   <li>one updatable numeric doc-values field per {@link Engagement}.
 * </ul>
 */
public final class TweetFields {
    public static final String ID = "id";
    public static final String ID_DV = "id_dv";
    public static final String AUTHOR = "author";
    public static final String AUTHOR_DV = "author_dv";
    public static final String CREATED_AT = "createdAt";
    public static final String TEXT = "text";
    public static final String TEXT_LENGTH = "textLength";
    public static final String LANG = "lang";
    public static final String MENTION = "mention";
    public static final String HASHTAG = "hashtag";
    public static final String IN_REPLY_TO = "inReplyTo";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String QUOTED_ID = "quotedId";
    public static final String RETWEET_OF = "retweetOf";
    public static final String FLAGS = "flags";
    public static final String AUTHOR_FOLLOWERS = "authorFollowers";

    public static final int FLAG_MEDIA = 1;
    public static final int FLAG_VIDEO = 2;
    public static final int FLAG_LINK = 4;
    public static final int FLAG_REPLY = 8;

    /** Newest first: lets "latest tweets of these authors" stop early in every segment. */
    public static final Sort INDEX_SORT = new Sort(new SortField(CREATED_AT, SortField.Type.LONG, true));

    private TweetFields() {}

    /** The 8-byte term of a 64-bit id (sortable encoding). */
    public static BytesRef idBytes(long id) {
        byte[] b = new byte[Long.BYTES];
        NumericUtils.longToSortableBytes(id, b, 0);
        return new BytesRef(b);
    }

    public static Term idTerm(long id) {
        return new Term(ID, idBytes(id));
    }

    /**
     * The tweets of a conversation: those whose {@code conversationId} is {@code rootId}, and the
     * root itself, which is indexed without a {@code conversationId} of its own id (the id term
     * holds it).
     */
    public static Query conversationQuery(long rootId) {
        return new ConstantScoreQuery(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CONVERSATION_ID, idBytes(rootId))), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(idTerm(rootId)), BooleanClause.Occur.SHOULD)
                .build());
    }

    public static long idOf(BytesRef bytes) {
        return NumericUtils.sortableBytesToLong(bytes.bytes, bytes.offset);
    }

    /** A new document for a tweet (tests, single writes); the bulk path reuses a {@link DocBuilder}. */
    static Document toDocument(TweetDoc t) {
        Document d = new Document();
        new DocBuilder().build(t).forEach(d::add);
        return d;
    }

    /**
     * Builds the documents of one thread with the same {@link Field} instances, their values reset
     * per tweet: Lucene has consumed a document's values when {@code addDocument} returns, so the
     * some 30 fields of each tweet need not be garbage (on 2 cores the bulk load measured no CPU
     * difference beyond noise either way). The returned list is valid until the next
     * {@link #build}. Not thread-safe: one per thread.
     */
    static final class DocBuilder {
        private final byte[] idBytes = new byte[Long.BYTES];
        private final byte[] authorBytes = new byte[Long.BYTES];
        private final StringField id = new StringField(ID, new BytesRef(idBytes), Field.Store.NO);
        private final NumericDocValuesField idDv = new NumericDocValuesField(ID_DV, 0);
        private final StringField author = new StringField(AUTHOR, new BytesRef(authorBytes), Field.Store.NO);
        private final NumericDocValuesField authorDv = new NumericDocValuesField(AUTHOR_DV, 0);
        private final LongPoint createdAtPoint = new LongPoint(CREATED_AT, 0);
        private final NumericDocValuesField createdAtDv = new NumericDocValuesField(CREATED_AT, 0);
        private final TextField text = new TextField(TEXT, "", Field.Store.YES);
        private final NumericDocValuesField textLength = new NumericDocValuesField(TEXT_LENGTH, 0);
        private final StringField lang = new StringField(LANG, "", Field.Store.NO);
        private final SortedDocValuesField langDv = new SortedDocValuesField(LANG, new BytesRef());
        private final Link[] links = {
            new Link(IN_REPLY_TO), new Link(CONVERSATION_ID), new Link(QUOTED_ID), new Link(RETWEET_OF)
        };
        private final NumericDocValuesField flags = new NumericDocValuesField(FLAGS, 0);
        private final NumericDocValuesField followers = new NumericDocValuesField(AUTHOR_FOLLOWERS, 0);
        private final NumericDocValuesField[] counts = new NumericDocValuesField[Engagement.size()];
        private final Map<String, BytesRef> langBytes = new HashMap<>();
        private final List<IndexableField> fields = new ArrayList<>(48);

        DocBuilder() {
            for (Engagement e : Engagement.values()) {
                counts[e.ordinal()] = new NumericDocValuesField(e.field(), 0);
            }
        }

        List<IndexableField> build(TweetDoc t) {
            fields.clear();
            NumericUtils.longToSortableBytes(t.id(), idBytes, 0);
            add(id);
            idDv.setLongValue(t.id());
            add(idDv);
            NumericUtils.longToSortableBytes(t.authorId(), authorBytes, 0);
            add(author);
            authorDv.setLongValue(t.authorId());
            add(authorDv);
            createdAtPoint.setLongValue(t.createdAt());
            add(createdAtPoint);
            createdAtDv.setLongValue(t.createdAt());
            add(createdAtDv);
            text.setStringValue(t.text());
            add(text);
            textLength.setLongValue(t.text().length());
            add(textLength);
            lang.setStringValue(t.lang());
            add(lang);
            langDv.setBytesValue(langBytes.computeIfAbsent(t.lang(), BytesRef::new));
            add(langDv);
            for (String m : t.mentions()) {
                add(new StringField(MENTION, m, Field.Store.NO));
            }
            for (String h : t.hashtags()) {
                add(new StringField(HASHTAG, h, Field.Store.NO));
            }
            links[0].add(this, t.inReplyTo());
            // A root tweet's conversation is the tweet itself: its id term already says so (see
            // conversationQuery), and a second unique 8-byte term per tweet was a large share of the
            // bulk-indexing cost (term hashing and the terms dictionary at flush).
            Long conversation = t.conversationId();
            links[1].add(this, conversation != null && conversation == t.id() ? null : conversation);
            links[2].add(this, t.quotedId());
            links[3].add(this, t.retweetOf());
            flags.setLongValue((t.hasMedia() ? FLAG_MEDIA : 0)
                    | (t.hasVideo() ? FLAG_VIDEO : 0)
                    | (t.hasLink() ? FLAG_LINK : 0)
                    | (t.isReply() ? FLAG_REPLY : 0));
            add(flags);
            followers.setLongValue(t.authorFollowers());
            add(followers);
            for (Engagement e : Engagement.values()) {
                counts[e.ordinal()].setLongValue(t.count(e));
                add(counts[e.ordinal()]);
            }
            return fields;
        }

        private void add(IndexableField f) {
            fields.add(f);
        }
    }

    /** An optional link to another tweet: a keyword term and the stored id. */
    private static final class Link {
        private final byte[] bytes = new byte[Long.BYTES];
        private final StringField term;
        private final StoredField stored;

        Link(String field) {
            term = new StringField(field, new BytesRef(bytes), Field.Store.NO);
            stored = new StoredField(field, 0L);
        }

        void add(DocBuilder b, Long id) {
            if (id != null) {
                NumericUtils.longToSortableBytes(id, bytes, 0);
                b.add(term);
                stored.setLongValue(id);
                b.add(stored);
            }
        }
    }
}
