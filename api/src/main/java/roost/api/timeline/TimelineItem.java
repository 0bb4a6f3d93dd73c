package roost.api.timeline;

/**
 * One tweet of a timeline. {@code source} names the candidate source that produced it;
 * {@code score} is what the items are ordered by (higher first).
 */
public record TimelineItem(
        String tweetId, String authorId, String text, String createdAt, double score, String source) {}
