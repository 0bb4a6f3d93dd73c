package roost.procedures.realgraph;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;
import roost.model.RoostException;
import roost.procedures.communities.BatchProgress;

/**
 * Trains RealGraph on the data's own history: with {@code N} the newest engagement time and
 * {@code T = N - labelPeriod}, every (user, account) pair with a follow or an engagement before
 * {@code T} is an example; its features are computed as of {@code T} (history before it only),
 * its label is whether the user engaged with the account's tweets in {@code [T, N]}. Users are
 * split into training and held-out sets (by a hash of the id), the model is fitted on the first,
 * its AUC measured on the second and reported beside the AUC of the built-in prior; then the model
 * is saved with the database ({@link RealGraphModel#save}) unless its held-out AUC is below the
 * prior's.
 *
 * <p>Entry point for {@code ./roost realgraph --train}: {@link #train(GraphDatabaseService, Options)}.
 */
public final class RealGraphTrainer {
    /**
     * @param labelPeriod the "next period" the label looks at (default 1 day)
     * @param halfLife decay half-life of the count features (default 7 days)
     * @param maxUsers users sampled (default 20,000)
     * @param maxExamples examples at most (default 2,000,000)
     * @param testFraction share of users held out (default 0.2)
     * @param l2 penalty on the weights (default 1.0)
     * @param seed sampling and split seed (default 42)
     * @param save whether to save the model with the database (default true)
     */
    public record Options(
            Duration labelPeriod,
            Duration halfLife,
            int maxUsers,
            int maxExamples,
            double testFraction,
            double l2,
            long seed,
            boolean save) {
        public static final Options DEFAULT =
                new Options(Duration.ofDays(1), Duration.ofDays(7), 20_000, 2_000_000, 0.2, 1.0, 42, true);

        public Options {
            if (labelPeriod.isNegative() || labelPeriod.isZero() || halfLife.isNegative() || halfLife.isZero()) {
                throw new RoostException.InvalidArgument("labelPeriod and halfLife must be positive");
            }
            if (maxUsers < 1 || maxExamples < 1 || !(testFraction > 0 && testFraction < 1) || l2 < 0) {
                throw new RoostException.InvalidArgument(
                        "maxUsers and maxExamples must be >= 1, testFraction in (0, 1), l2 >= 0");
            }
        }
    }

    /**
     * What training did.
     *
     * @param auc held-out AUC of the trained model
     * @param priorAuc held-out AUC of the built-in prior, for comparison
     * @param weights weight per feature name (on standardised features), and "bias"
     * @param dataTime T: features as of this time, labels after it (epoch ms)
     * @param newestTime N: the newest engagement (epoch ms)
     */
    public record TrainingResult(
            int users,
            int trainExamples,
            int testExamples,
            int trainPositives,
            int testPositives,
            double auc,
            double priorAuc,
            Map<String, Double> weights,
            long dataTime,
            long newestTime,
            long millis,
            boolean saved) {}

    private RealGraphTrainer() {}

    public static TrainingResult train(GraphDatabaseService db, Options options) {
        return train(db, options, BatchProgress.NONE);
    }

    /**
     * As {@link #train(GraphDatabaseService, Options)}, reporting its stages: reading the sampled
     * users' histories (one step per user), then fitting and scoring.
     */
    public static TrainingResult train(GraphDatabaseService db, Options options, BatchProgress progress) {
        long t0 = System.nanoTime();
        long newest;
        try (BatchProgress.Stage scan = progress.start("Newest engagement", -1)) {
            newest = newestEngagement(db);
            scan.step(1);
        }
        long asOf = newest - options.labelPeriod().toMillis();
        long halfLife = options.halfLife().toMillis();

        List<double[]> trainX = new ArrayList<>();
        List<Boolean> trainY = new ArrayList<>();
        List<double[]> testX = new ArrayList<>();
        List<Boolean> testY = new ArrayList<>();
        long[] users = sampleUsers(db, asOf, options, progress);
        int used = 0;
        try (Transaction tx = db.beginTx();
                BatchProgress.Stage reading = progress.start("Reading histories", users.length)) {
            Interactions interactions = new Interactions();
            for (long userId : users) {
                if (trainX.size() + testX.size() >= options.maxExamples()) {
                    break;
                }
                reading.step(1);
                Node user = tx.findNode(Labels.USER, Props.ID, userId);
                if (user == null) {
                    continue;
                }
                used++;
                interactions.read(user, userId, asOf, halfLife, newest + 1);
                LongOpenHashSet following = follows(user, Direction.OUTGOING, asOf);
                LongOpenHashSet followers = follows(user, Direction.INCOMING, asOf);
                LongOpenHashSet candidates = new LongOpenHashSet(following);
                for (int s = 0; s < interactions.size(); s++) {
                    // Accounts engaged with only after T have no history: not candidates.
                    if (interactions.hasHistory(s)) {
                        candidates.add(interactions.account(s));
                    }
                }
                candidates.remove(userId);
                boolean test = isTest(userId, options);
                var it = candidates.iterator();
                while (it.hasNext()) {
                    long account = it.nextLong();
                    int slot = interactions.slotOf(account);
                    double[] x = interactions.features(
                            slot, following.contains(account), followers.contains(account), asOf, halfLife);
                    boolean label = slot >= 0 && interactions.label(slot);
                    (test ? testX : trainX).add(x);
                    (test ? testY : trainY).add(label);
                }
            }
            tx.commit();
        }
        if (trainX.isEmpty() || testX.isEmpty()) {
            throw new RoostException("Too little history to train RealGraph: " + trainX.size() + " training and "
                    + testX.size() + " held-out examples before " + asOf);
        }
        boolean[] y = toArray(trainY);
        LogisticModel model;
        try (BatchProgress.Stage fitting = progress.start("Fitting", 1)) {
            model = LogisticRegression.fit(trainX.toArray(new double[0][]), y, options.l2(), 50);
            fitting.step(1);
        }
        boolean[] yTest = toArray(testY);
        double[] scores = new double[testX.size()];
        double[] priorScores = new double[testX.size()];
        LogisticModel prior = RealGraphModel.prior().model();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.logit(testX.get(i));
            priorScores[i] = prior.logit(testX.get(i));
        }
        double auc = LogisticRegression.auc(scores, yTest);
        double priorAuc = LogisticRegression.auc(priorScores, yTest);
        // A model that ranks the held-out interactions worse than the built-in prior is not saved:
        // the prior (or an earlier, better model) stays in use.
        boolean save = options.save() && auc >= priorAuc;
        if (save) {
            try (Transaction tx = db.beginTx()) {
                new RealGraphModel(
                                model,
                                halfLife,
                                options.labelPeriod().toMillis(),
                                System.currentTimeMillis(),
                                asOf,
                                auc,
                                true)
                        .save(tx);
                tx.commit();
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("bias", model.bias());
        List<String> names = Features.names();
        for (int j = 0; j < names.size(); j++) {
            weights.put(names.get(j), model.weights()[j]);
        }
        return new TrainingResult(
                used,
                trainX.size(),
                testX.size(),
                count(y),
                count(yTest),
                auc,
                priorAuc,
                weights,
                asOf,
                newest,
                (System.nanoTime() - t0) / 1_000_000,
                save);
    }

    private static long newestEngagement(GraphDatabaseService db) {
        String types = String.join(
                "|", Rel.ofKind(Rel.Kind.ENGAGEMENT).stream().map(Rel::name).toList());
        Object max = db.executeTransactionally(
                "MATCH ()-[e:" + types + "]->() RETURN max(e." + Props.CREATED_AT + ") AS newest",
                Map.of(),
                r -> r.next().get("newest"));
        if (!(max instanceof Number n)) {
            throw new RoostException("No engagements in the database: nothing to train RealGraph on");
        }
        return n.longValue();
    }

    /** Users with an engagement or a follow before T, shuffled with the seed, at most maxUsers. */
    private static long[] sampleUsers(GraphDatabaseService db, long asOf, Options options, BatchProgress progress) {
        String types = String.join(
                "|", Rel.ofKind(Rel.Kind.ENGAGEMENT).stream().map(Rel::name).toList());
        LongArrayList ids = new LongArrayList();
        try (Transaction tx = db.beginTx();
                BatchProgress.Stage listing = progress.start("Users with history", -1);
                Result r = tx.execute(
                        "MATCH (u:" + Labels.USER_NAME + ") WHERE EXISTS { (u)-[e:" + types + "|" + Rel.FOLLOWS.name()
                                + "]->() WHERE e." + Props.CREATED_AT + " < $asOf } RETURN u." + Props.ID + " AS id",
                        Map.of("asOf", asOf))) {
            r.accept(row -> {
                listing.step(1);
                if (row.get("id") instanceof Number n) {
                    ids.add(n.longValue());
                }
                return true;
            });
        }
        long[] all = ids.toLongArray();
        java.util.Arrays.sort(all);
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int i = all.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return java.util.Arrays.copyOf(all, Math.min(all.length, options.maxUsers()));
    }

    private static LongOpenHashSet follows(Node user, Direction direction, long asOf) {
        LongOpenHashSet out = new LongOpenHashSet();
        for (Relationship r : user.getRelationships(direction, Rel.FOLLOWS)) {
            Object at = r.getProperty(Props.CREATED_AT, null);
            if (at instanceof Number n && n.longValue() >= asOf) {
                continue;
            }
            if (r.getOtherNode(user).getProperty(Props.ID, null) instanceof Number id) {
                out.add(id.longValue());
            }
        }
        return out;
    }

    private static boolean isTest(long userId, Options options) {
        long h = roost.procedures.graph.LongIdIndex.mix(userId ^ options.seed());
        return (h >>> 11) * 0x1.0p-53 < options.testFraction();
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] out = new boolean[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static int count(boolean[] y) {
        int n = 0;
        for (boolean b : y) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
