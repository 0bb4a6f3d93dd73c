package roost.retrieval.earlybird;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    /** Longest handle and hashtag read; longer ones are cut (as the patterns in the class comment do). */
    static final int MAX_HANDLE = 50;

    static final int MAX_HASHTAG = 100;

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

    /** The {@code @handle}s of the text, lower-cased, in order: what {@code (?<![\w@])@(\w{1,50})} finds. */
    public List<String> mentions() {
        return marked(text, '@', MAX_HANDLE);
    }

    /** The {@code #tag}s of the text, lower-cased, in order: what {@code (?<![\w#])#(\w{1,100})} finds. */
    public List<String> hashtags() {
        return marked(text, '#', MAX_HASHTAG);
    }

    /**
     * The words after {@code mark} (up to {@code max} word characters, {@code [A-Za-z0-9_]}) where the
     * mark does not follow a word character or another mark. A scan rather than a regular
     * expression: it runs twice for every indexed tweet, and the lookbehind patterns showed in the
     * bulk-indexing profile (8% of the indexing threads' samples).
     */
    static List<String> marked(String text, char mark, int max) {
        int i = text.indexOf(mark);
        if (i < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        int n = text.length();
        for (; i >= 0; i = text.indexOf(mark, i + 1)) {
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (p == mark || isWord(p)) {
                    continue;
                }
            }
            int end = i + 1;
            while (end < n && end - i - 1 < max && isWord(text.charAt(end))) {
                end++;
            }
            if (end > i + 1) {
                out.add(text.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end - 1;
            }
        }
        return out;
    }

    /** Java's {@code \w} without UNICODE_CHARACTER_CLASS. */
    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
