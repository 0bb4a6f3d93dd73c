package roost.procedures.earlybird;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import roost.retrieval.earlybird.TweetDoc;

/**
 * What one committed transaction changes in the index: tweets to (re)index, tweets to delete, new
 * engagement counts (absolute, read inside the transaction), and the newest engagement time seen.
 * Built by the listener before commit, applied by the writer thread after it.
 */
final class EarlybirdBatch {
    final List<TweetDoc> upserts = new ArrayList<>();
    final List<Long> deletes = new ArrayList<>();
    final Map<Long, long[]> counts = new HashMap<>();
    long newestEngagement = Long.MIN_VALUE;
    long transactionId = -1;
    long sequence;

    boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty() && counts.isEmpty();
    }
}
