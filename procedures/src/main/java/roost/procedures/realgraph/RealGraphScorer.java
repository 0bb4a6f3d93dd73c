package roost.procedures.realgraph;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.Transaction;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.viewer.EngagementHistory;

/**
 * Predicted interaction strength from a viewer to other accounts with a {@link RealGraphModel}:
 * features from the viewer's engagement history in the database (decayed to {@code asOf}) and
 * the live follow graph. Cost: O(the viewer's engagements + candidates). One per request.
 */
public final class RealGraphScorer implements FollowSet.Weigher {
    /** One account's score and the features behind it. */
    public record Score(long userId, double score, double[] features) {}

    private final FollowSnapshot follows;
    private final RealGraphModel model;
    private final long asOf;
    private final EngagementHistory.PerRequest histories;
    private final Interactions interactions = new Interactions();
    private long readFor = Long.MIN_VALUE;

    /** @param asOf "now" in data time (the live graph's newest engagement) */
    public RealGraphScorer(Transaction tx, FollowSnapshot follows, RealGraphModel model, long asOf) {
        this(follows, model, asOf, new EngagementHistory.PerRequest(tx));
    }

    /** As above, reading the viewer's engagements from {@code histories}, which the request shares. */
    public RealGraphScorer(
            FollowSnapshot follows, RealGraphModel model, long asOf, EngagementHistory.PerRequest histories) {
        this.follows = follows;
        this.model = model;
        this.asOf = asOf;
        this.histories = histories;
    }

    public RealGraphModel model() {
        return model;
    }

    @Override
    public double[] weigh(long viewer, long[] accounts) {
        read(viewer);
        double[] w = new double[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            w[i] = model.model().probability(features(viewer, accounts[i]));
        }
        return w;
    }

    /** Scores of every account the viewer follows or engaged with (the viewer excluded), unsorted. */
    public List<Score> candidates(long viewer) {
        read(viewer);
        LongOpenHashSet accounts = new LongOpenHashSet(follows.followeeIds(viewer));
        for (int s = 0; s < interactions.size(); s++) {
            accounts.add(interactions.account(s));
        }
        accounts.remove(viewer);
        List<Score> out = new ArrayList<>(accounts.size());
        var it = accounts.iterator();
        while (it.hasNext()) {
            long account = it.nextLong();
            double[] x = features(viewer, account);
            out.add(new Score(account, model.model().probability(x), x));
        }
        return out;
    }

    private double[] features(long viewer, long account) {
        return interactions.features(
                interactions.slotOf(account),
                follows.follows(viewer, account),
                follows.follows(account, viewer),
                asOf,
                model.halfLifeMillis());
    }

    private void read(long viewer) {
        if (readFor != viewer) {
            interactions.read(histories.of(viewer), viewer, asOf + 1, model.halfLifeMillis(), Long.MIN_VALUE);
            readFor = viewer;
        }
    }
}
