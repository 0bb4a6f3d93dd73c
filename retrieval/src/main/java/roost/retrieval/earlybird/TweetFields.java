package roost.retrieval.earlybird;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The index schema: field names and how a {@link TweetDoc} becomes a Lucene document.
 *
 * <ul>
 *   <li>{@code id}, {@code author}: 8-byte keyword terms (upsert by id, author sets as a term set),
 *       plus numeric doc values {@code id_dv}, {@code author_dv} read while collecting;
 *   <li>{@code createdAt}: a point (range filters and retention), numeric doc values (the index
 *       sort, newest first) and stored;
 *   <li>{@code text}: analysed (StandardAnalyzer) and stored; {@code textLength} doc values;
 *   <li>{@code lang}: keyword and sorted doc values; {@code mention}, {@code hashtag}: keywords;
 *   <li>{@code inReplyTo}, {@code conversationId}, {@code quotedId}, {@code retweetOf}: keyword
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

    public static long idOf(BytesRef bytes) {
        return NumericUtils.sortableBytesToLong(bytes.bytes, bytes.offset);
    }

    static Document toDocument(TweetDoc t) {
        Document d = new Document();
        d.add(new StringField(ID, idBytes(t.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_DV, t.id()));
        d.add(new StringField(AUTHOR, idBytes(t.authorId()), Field.Store.NO));
        d.add(new NumericDocValuesField(AUTHOR_DV, t.authorId()));
        d.add(new LongPoint(CREATED_AT, t.createdAt()));
        d.add(new NumericDocValuesField(CREATED_AT, t.createdAt()));
        d.add(new TextField(TEXT, t.text(), Field.Store.YES));
        d.add(new NumericDocValuesField(TEXT_LENGTH, t.text().length()));
        d.add(new StringField(LANG, t.lang(), Field.Store.YES));
        d.add(new SortedDocValuesField(LANG, new BytesRef(t.lang())));
        for (String m : t.mentions()) {
            d.add(new StringField(MENTION, m, Field.Store.NO));
        }
        for (String h : t.hashtags()) {
            d.add(new StringField(HASHTAG, h, Field.Store.NO));
        }
        link(d, IN_REPLY_TO, t.inReplyTo());
        link(d, CONVERSATION_ID, t.conversationId());
        link(d, QUOTED_ID, t.quotedId());
        link(d, RETWEET_OF, t.retweetOf());
        int flags = (t.hasMedia() ? FLAG_MEDIA : 0)
                | (t.hasVideo() ? FLAG_VIDEO : 0)
                | (t.hasLink() ? FLAG_LINK : 0)
                | (t.isReply() ? FLAG_REPLY : 0);
        d.add(new NumericDocValuesField(FLAGS, flags));
        d.add(new NumericDocValuesField(AUTHOR_FOLLOWERS, t.authorFollowers()));
        for (Engagement e : Engagement.values()) {
            d.add(new NumericDocValuesField(e.field(), t.count(e)));
        }
        return d;
    }

    private static void link(Document d, String field, Long id) {
        if (id != null) {
            d.add(new StringField(field, idBytes(id), Field.Store.NO));
            d.add(new StoredField(field, id));
        }
    }
}
