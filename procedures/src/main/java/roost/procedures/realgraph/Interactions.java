package roost.procedures.realgraph;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.neo4j.graphdb.Node;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.viewer.EngagementHistory;

/**
 * One viewer's engagements with other accounts' tweets, grouped by account: before {@code asOf},
 * decayed counts per type and the newest time (the features); in {@code [asOf, labelEnd)}, whether
 * there was any (the training label). Read from the viewer's {@link EngagementHistory}:
 * O(its engagements). Not thread-safe.
 */
final class Interactions {
    private final Long2IntOpenHashMap slots = new Long2IntOpenHashMap();
    private long[] accounts = new long[16];
    private double[] decayed = new double[16 * EngagementTypes.count()];
    private long[] newest = new long[16];
    private boolean[] label = new boolean[16];
    private int size;

    Interactions() {
        slots.defaultReturnValue(-1);
    }

    /** Reads the viewer's engagements from the viewer's node; clears what an earlier call read. */
    Interactions read(Node viewer, long viewerId, long asOf, long halfLifeMillis, long labelEnd) {
        return read(EngagementHistory.read(viewer, viewerId), viewerId, asOf, halfLifeMillis, labelEnd);
    }

    /** As {@link #read(Node, long, long, long, long)}, from a history read already. */
    Interactions read(EngagementHistory history, long viewerId, long asOf, long halfLifeMillis, long labelEnd) {
        slots.clear();
        size = 0;
        for (int i = 0; i < history.size(); i++) {
            long t = history.time(i);
            long author = history.author(i);
            if (t == EngagementHistory.MISSING || author == EngagementHistory.MISSING || author == viewerId) {
                continue;
            }
            if (t < asOf) {
                int s = slot(author);
                decayed[s * EngagementTypes.count() + history.type(i)] +=
                        Math.pow(0.5, (double) (asOf - t) / halfLifeMillis);
                newest[s] = Math.max(newest[s], t);
            } else if (t < labelEnd) {
                label[slot(author)] = true;
            }
        }
        return this;
    }

    private int slot(long account) {
        int s = slots.putIfAbsent(account, size);
        if (s >= 0) {
            return s;
        }
        s = size++;
        if (s == accounts.length) {
            accounts = Arrays.copyOf(accounts, s * 2);
            decayed = Arrays.copyOf(decayed, s * 2 * EngagementTypes.count());
            newest = Arrays.copyOf(newest, s * 2);
            label = Arrays.copyOf(label, s * 2);
        }
        accounts[s] = account;
        Arrays.fill(decayed, s * EngagementTypes.count(), (s + 1) * EngagementTypes.count(), 0);
        newest[s] = Long.MIN_VALUE;
        label[s] = false;
        return s;
    }

    int size() {
        return size;
    }

    long account(int slot) {
        return accounts[slot];
    }

    /** Slot of an account, or -1 when the viewer never engaged with it. */
    int slotOf(long account) {
        return slots.get(account);
    }

    /** Whether the viewer engaged with the account before {@code asOf}. */
    boolean hasHistory(int slot) {
        return newest[slot] != Long.MIN_VALUE;
    }

    boolean label(int slot) {
        return label[slot];
    }

    /** Features of (viewer, account) as of {@code asOf}; {@code slot} may be -1 (no engagement). */
    double[] features(int slot, boolean follows, boolean followedBy, long asOf, long halfLifeMillis) {
        double[] counts = new double[EngagementTypes.count()];
        double recency = 0;
        if (slot >= 0) {
            System.arraycopy(decayed, slot * counts.length, counts, 0, counts.length);
            if (newest[slot] != Long.MIN_VALUE) {
                recency = Math.pow(0.5, (double) (asOf - newest[slot]) / halfLifeMillis);
            }
        }
        return Features.vector(follows, followedBy, counts, recency);
    }
}
