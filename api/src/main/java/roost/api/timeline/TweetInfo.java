package roost.api.timeline;

/** What ranking and display need of a candidate tweet, read from the graph (hydration). */
public record TweetInfo(
        long tweetId, long authorId, String text, long createdAt, boolean isReply, boolean authorVerified) {}
