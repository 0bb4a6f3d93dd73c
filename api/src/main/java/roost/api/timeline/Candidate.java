package roost.api.timeline;

import java.util.List;

/**
 * A tweet proposed by one candidate source, before hydration and ranking.
 *
 * @param tweetId the tweet
 * @param authorId its author, when the source knows it (else 0, filled in by hydration)
 * @param source the source's name
 * @param sourceScore the source's own score (higher is better; scales differ between sources)
 * @param socialProof ids of accounts the viewer follows who engaged with the tweet, as far as the
 *     source knows them
 */
public record Candidate(long tweetId, long authorId, String source, double sourceScore, List<Long> socialProof) {
    public Candidate {
        socialProof = List.copyOf(socialProof);
    }
}
