package roost.api.timeline;

import java.util.List;

/**
 * One tweet of a timeline, with why it is there. Ids are strings: 64-bit ids do not fit in
 * JavaScript numbers.
 *
 * @param score what the page is ordered by (higher first, before the in/out-of-network balance)
 * @param source the candidate source that contributed most
 * @param inNetwork whether the viewer follows the author
 * @param sources every source that proposed the tweet
 * @param socialProof accounts the viewer follows who engaged with it
 * @param explanation each factor of the score, in the order applied
 */
public record TimelineItem(
        String tweetId,
        String authorId,
        String text,
        String createdAt,
        double score,
        String source,
        boolean inNetwork,
        List<String> sources,
        List<String> socialProof,
        List<String> explanation) {

    /** The same item with its text. */
    public TimelineItem withText(String newText) {
        return new TimelineItem(
                tweetId, authorId, newText, createdAt, score, source, inNetwork, sources, socialProof, explanation);
    }

    /** An item of the chronological timeline: one source, no social proof. */
    public static TimelineItem chronological(
            String tweetId, String authorId, String text, String createdAt, double score, String source) {
        return new TimelineItem(
                tweetId,
                authorId,
                text,
                createdAt,
                score,
                source,
                true,
                List.of(source),
                List.of(),
                List.of("recency"));
    }
}
