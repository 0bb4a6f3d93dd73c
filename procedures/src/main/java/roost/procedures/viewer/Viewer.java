package roost.procedures.viewer;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.longs.LongSets;

/**
 * Who asks, and what must never be shown to them: authors they blocked or muted (or who blocked
 * them, or that they reported or marked not interested), tweets they reported or marked not
 * interested, and tweets they engaged with already. Their own tweets are excluded by
 * {@link #excludesTweet} too. Plain values, no database handles; immutable once built.
 */
public record Viewer(long id, LongSet excludedAuthors, LongSet excludedTweets, LongSet engagedTweets) {
    public Viewer {
        excludedAuthors = LongSets.unmodifiable(excludedAuthors);
        excludedTweets = LongSets.unmodifiable(excludedTweets);
        engagedTweets = LongSets.unmodifiable(engagedTweets);
    }

    /** A viewer with nothing excluded but their own tweets. */
    public static Viewer of(long id) {
        return new Viewer(id, new LongOpenHashSet(), new LongOpenHashSet(), new LongOpenHashSet());
    }

    /** Whether a tweet by {@code authorId} must not be recommended (the viewer's own, or a hidden author's, or a hidden tweet). */
    public boolean excludesTweet(long tweetId, long authorId, boolean excludeEngaged) {
        return authorId == id
                || excludedAuthors.contains(authorId)
                || excludedTweets.contains(tweetId)
                || (excludeEngaged && engagedTweets.contains(tweetId));
    }

    /** Whether an account must not be recommended: the viewer, or an account hidden from or hiding from them. */
    public boolean excludesUser(long userId) {
        return userId == id || excludedAuthors.contains(userId);
    }
}
