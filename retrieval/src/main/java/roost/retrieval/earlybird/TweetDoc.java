package roost.retrieval.earlybird;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tweet as the index holds it. Ids are 64-bit; {@code null} means absent for the optional
 * links (reply-to, conversation, quoted, retweeted). Mentions and hashtags are read from the text
 * ({@code @handle}, {@code #tag}, lower-cased).
 *
 * @param counts engagement counts, indexed by {@link Engagement#ordinal()}; may be shorter (the rest are 0)
 * @param authorFollowers the author's follower count when indexed: the author-reputation signal,
 *     stored with the tweet as Earlybird stores its author reputation
 */
public record TweetDoc(
        long id,
        long authorId,
        long createdAt,
        String text,
        String lang,
        Long inReplyTo,
        Long conversationId,
        Long quotedId,
        Long retweetOf,
        boolean hasMedia,
        boolean hasVideo,
        boolean hasLink,
        long[] counts,
        long authorFollowers) {
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,50})");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w{1,100})");

    public TweetDoc {
        text = text == null ? "" : text;
        lang = lang == null || lang.isBlank() ? "" : lang.trim().toLowerCase(Locale.ROOT);
        counts = counts == null ? new long[0] : counts;
    }

    /** A plain tweet with no links and no counts (tests, benchmarks). */
    public static TweetDoc of(long id, long authorId, long createdAt, String text, String lang) {
        return new TweetDoc(id, authorId, createdAt, text, lang, null, null, null, null, false, false, false, null, 0);
    }

    public long count(Engagement e) {
        return e.ordinal() < counts.length ? counts[e.ordinal()] : 0;
    }

    public boolean isReply() {
        return inReplyTo != null;
    }

    public List<String> mentions() {
        return matches(MENTION);
    }

    public List<String> hashtags() {
        return matches(HASHTAG);
    }

    private List<String> matches(Pattern p) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
