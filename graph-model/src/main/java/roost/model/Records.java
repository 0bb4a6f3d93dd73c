package roost.model;

/** Domain records: plain values, no database handles. Times are epoch milliseconds. */
public final class Records {
    private Records() {}

    public record User(long id, String handle, long createdAt, boolean verified) {}

    /** Optional references ({@code inReplyTo}, ...) are {@code null} when absent. */
    public record Tweet(
            long id,
            long authorId,
            long createdAt,
            String text,
            String lang,
            boolean hasMedia,
            boolean hasVideo,
            boolean hasLink,
            Long inReplyTo,
            Long conversationId,
            Long quotedId,
            Long retweetOf) {}

    public record Follow(long followerId, long followeeId, long createdAt) {}

    /** {@code type} is one of the {@link Rel.Kind#ENGAGEMENT} types. */
    public record Engagement(long userId, long tweetId, Rel type, long createdAt) {}

    /** {@code type} is a {@link Rel.Kind#NEGATIVE} type; the target is a user or a tweet. */
    public record Signal(long userId, long targetId, boolean targetIsTweet, Rel type, long createdAt) {}
}
