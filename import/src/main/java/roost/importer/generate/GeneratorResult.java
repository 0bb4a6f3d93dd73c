package roost.importer.generate;

import java.nio.file.Path;
import java.util.Map;
import roost.model.Rel;

/**
 * What {@link Generator} wrote.
 *
 * @param dir the output directory
 * @param users users
 * @param follows follow relationships
 * @param tweets tweets (each also makes one POSTED relationship when loaded)
 * @param engagements engagement relationships by type
 * @param userSignals rows of user-signals.csv
 * @param tweetSignals rows of tweet-signals.csv
 * @param seconds wall time
 */
public record GeneratorResult(
        Path dir,
        long users,
        long follows,
        long tweets,
        Map<Rel, Long> engagements,
        long userSignals,
        long tweetSignals,
        double seconds) {

    public long engagementCount() {
        return engagements.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Relationships the files make once loaded (POSTED included). */
    public long relationships() {
        return follows + tweets + engagementCount() + userSignals + tweetSignals;
    }
}
