package roost.retrieval.earlybird;

import java.util.Locale;

/**
 * The engagement counts the index keeps per tweet, one updatable numeric doc-values field each
 * ({@code IndexWriter.updateNumericDocValue}), so a count changes without re-indexing the tweet.
 */
public enum Engagement {
    FAVORITE,
    RETWEET,
    REPLY,
    QUOTE,
    CLICK,
    PROFILE_CLICK,
    VIDEO_VIEW,
    DWELL;

    private static final Engagement[] VALUES = values();

    private final String field = "count_" + name().toLowerCase(Locale.ROOT);

    /** Name of the doc-values field holding this count. */
    public String field() {
        return field;
    }

    public static Engagement of(int ordinal) {
        return VALUES[ordinal];
    }

    public static int size() {
        return VALUES.length;
    }
}
