package roost.procedures.earlybird;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.graph.LiveGraph;
import roost.procedures.realgraph.RealGraphModel;
import roost.procedures.realgraph.RealGraphScorer;
import roost.retrieval.earlybird.Engagement;
import roost.retrieval.earlybird.LightRanker;
import roost.retrieval.earlybird.LightRankerTrainer;
import roost.retrieval.earlybird.TweetFields;

/**
 * Trains the light ranker on the database's own engagement history, as the in-network source sees
 * it: T = newest tweet minus the label period. For sampled viewers, the candidates are the tweets
 * their followees posted in the window before T that they had not engaged with by T; features are
 * computed as of T (counts of engagements before T, recency to T, RealGraph interaction as of T);
 * the label is whether the viewer engaged with the tweet after T, and a positive weighs as its
 * strongest engagement by the original's label weights (reply 9, like 1, retweet 1, profile click
 * 1, click 0.3, quote 1, dwell 0.1, video 0.01). Viewers are split 80/20; the AUC on the held-out
 * viewers is reported beside the hand-set fallback's on the same examples. Reads in its own
 * transactions; the caller saves the model ({@link LightRankerStore#save}).
 */
public final class LightRankerTraining {
    /** Label weights by relationship type. */
    static final Map<Rel, Double> LABEL_WEIGHTS = Map.of(
            Rel.REPLIED, 9.0,
            Rel.LIKED, 1.0,
            Rel.RETWEETED, 1.0,
            Rel.QUOTED, 1.0,
            Rel.PROFILE_CLICKED, 1.0,
            Rel.CLICKED, 0.3,
            Rel.DWELLED, 0.1,
            Rel.VIDEO_VIEWED, 0.01);

    /**
     * @param labelPeriod how long after T engagements count as labels (default 1 day)
     * @param window how far before T candidates are taken (default 24 h, as the in-network source)
     * @param maxViewers viewers sampled (default 5,000)
     * @param maxFollowees follow set cap per viewer (default 1,000)
     * @param testFraction viewers held out (default 0.2)
     * @param l2 penalty (default 1.0)
     * @param seed sampling and split seed
     * @param save whether the caller should save the model (see {@link TrainingResult#shouldSave()})
     */
    public record Options(
            Duration labelPeriod,
            Duration window,
            int maxViewers,
            int maxFollowees,
            double testFraction,
            double l2,
            long seed,
            boolean save) {
        public static final Options DEFAULT =
                new Options(Duration.ofDays(1), Duration.ofHours(24), 5_000, 1_000, 0.2, 1.0, 42, true);
    }

    /** What training did. */
    public record TrainingResult(
            int viewers,
            int trainExamples,
            int testExamples,
            int trainPositives,
            int testPositives,
            double auc,
            double fallbackAuc,
            LightRanker model,
            boolean shouldSave,
            long millis) {}

    private LightRankerTraining() {}

    public static TrainingResult train(GraphDatabaseService db, RoostRuntime roost, Options o) {
        long t0 = System.nanoTime();
        LiveGraph live = roost.liveGraph(db.databaseName());
        FollowSnapshot follows = live.follows();
        List<double[]> trainX = new ArrayList<>();
        List<double[]> testX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<Integer> testY = new ArrayList<>();
        List<Double> trainW = new ArrayList<>();
        int viewers = 0;
        long version;
        try (Transaction tx = db.beginTx()) {
            version = LightRankerStore.nextVersion(tx);
            Long newest = null;
            try (Result r = tx.execute("MATCH (t:Tweet) WHERE t.createdAt IS NOT NULL"
                    + " RETURN t.createdAt AS c ORDER BY t.createdAt DESC LIMIT 1")) {
                if (r.hasNext()) {
                    newest = ((Number) r.next().get("c")).longValue();
                }
            }
            if (newest == null) {
                throw new roost.model.RoostException("no tweets: nothing to train the light ranker on");
            }
            long asOf = newest - o.labelPeriod().toMillis();
            long from = asOf - o.window().toMillis();
            List<Long> users = sampleViewers(tx, o.maxViewers(), o.seed());
            SplittableRandom split = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
            RealGraphScorer scorer = new RealGraphScorer(tx, follows, RealGraphModel.load(tx), asOf);
            Map<Long, Long> followersCache = new HashMap<>();
            for (long viewerId : users) {
                long[] followees = follows.followeeIds(viewerId);
                if (followees.length == 0) {
                    continue;
                }
                boolean test = split.nextDouble() < o.testFraction();
                viewers++;
                double[] w = scorer.weigh(viewerId, followees);
                double max = 0;
                for (double v : w) {
                    max = Math.max(max, v);
                }
                Map<Long, Double> interaction = new HashMap<>();
                for (int i = 0; i < followees.length; i++) {
                    interaction.put(followees[i], max > 0 ? w[i] / max : 0);
                }
                Node viewer = tx.findNode(Labels.USER, Props.ID, viewerId);
                String lang = InNetwork.viewerLanguage(tx, viewerId);
                Map<Long, Double> labels = new HashMap<>();
                Set<Long> engagedBefore = new HashSet<>();
                for (Relationship e : viewer.getRelationships(Direction.OUTGOING)) {
                    Double lw = Rel.parse(e.getType().name())
                            .map(LABEL_WEIGHTS::get)
                            .orElse(null);
                    if (lw == null || !(e.getProperty(Props.CREATED_AT, null) instanceof Number at)) {
                        continue;
                    }
                    Long tweet = TweetReader.longProp(e.getEndNode(), Props.ID);
                    if (tweet == null) {
                        continue;
                    }
                    if (at.longValue() < asOf) {
                        engagedBefore.add(tweet);
                    } else {
                        labels.merge(tweet, lw, Math::max);
                    }
                }
                try (Result r = tx.execute(
                        "MATCH (:User {id: $id})-[:FOLLOWS]->(a:User)-[:POSTED]->(t:Tweet)"
                                + " WHERE t.createdAt >= $from AND t.createdAt < $asOf RETURN t",
                        Map.of("id", viewerId, "from", from, "asOf", asOf))) {
                    while (r.hasNext()) {
                        Node t = (Node) r.next().get("t");
                        Long id = TweetReader.longProp(t, Props.ID);
                        Long author = TweetReader.longProp(t, Props.AUTHOR_ID);
                        Long createdAt = TweetReader.longProp(t, Props.CREATED_AT);
                        if (id == null || author == null || createdAt == null || engagedBefore.contains(id)) {
                            continue;
                        }
                        double[] x = features(t, asOf, createdAt, author, interaction, lang, tx, followersCache);
                        Double label = labels.get(id);
                        (test ? testX : trainX).add(x);
                        (test ? testY : trainY).add(label == null ? 0 : 1);
                        if (!test) {
                            trainW.add(label == null ? 1.0 : label);
                        }
                    }
                }
            }
        }
        if (trainX.isEmpty() || !trainY.contains(1) || !trainY.contains(0)) {
            throw new roost.model.RoostException("too little engagement history to train the light ranker: "
                    + trainX.size() + " training examples, "
                    + trainY.stream().filter(y -> y == 1).count()
                    + " positive");
        }
        LightRanker model = LightRankerTrainer.fit(
                        trainX.toArray(new double[0][]),
                        trainY.stream().mapToInt(Integer::intValue).toArray(),
                        trainW.stream().mapToDouble(Double::doubleValue).toArray(),
                        o.l2(),
                        version)
                .model();
        int[] ty = testY.stream().mapToInt(Integer::intValue).toArray();
        double[] s = new double[ty.length];
        double[] f = new double[ty.length];
        LightRanker fallback = LightRanker.fallback();
        for (int i = 0; i < ty.length; i++) {
            s[i] = model.score(testX.get(i));
            f[i] = fallback.score(testX.get(i));
        }
        double auc = LightRankerTrainer.auc(s, ty);
        double fallbackAuc = LightRankerTrainer.auc(f, ty);
        // Saving is the caller's, in its own transaction (a procedure's transaction decides what it may write).
        boolean shouldSave = o.save() && Double.isFinite(auc) && !(auc < fallbackAuc);
        return new TrainingResult(
                viewers,
                trainX.size(),
                testX.size(),
                (int) trainY.stream().filter(y -> y == 1).count(),
                (int) testY.stream().filter(y -> y == 1).count(),
                auc,
                fallbackAuc,
                model,
                shouldSave,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The features of a candidate as of {@code asOf}, as {@link roost.retrieval.earlybird.InNetworkRetriever} computes them. */
    private static double[] features(
            Node t,
            long asOf,
            long createdAt,
            long author,
            Map<Long, Double> interaction,
            String viewerLang,
            Transaction tx,
            Map<Long, Long> followersCache) {
        long[] counts = new long[Engagement.size()];
        for (Relationship e : t.getRelationships(Direction.INCOMING)) {
            Engagement en = TweetReader.engagementOf(e.getType().name());
            if (en != null && e.getProperty(Props.CREATED_AT, null) instanceof Number at && at.longValue() < asOf) {
                counts[en.ordinal()]++;
            }
        }
        int flags = (Boolean.TRUE.equals(t.getProperty(Props.HAS_MEDIA, false)) ? TweetFields.FLAG_MEDIA : 0)
                | (Boolean.TRUE.equals(t.getProperty(Props.HAS_VIDEO, false)) ? TweetFields.FLAG_VIDEO : 0)
                | (Boolean.TRUE.equals(t.getProperty(Props.HAS_LINK, false)) ? TweetFields.FLAG_LINK : 0)
                | (t.getProperty(Props.IN_REPLY_TO, null) != null ? TweetFields.FLAG_REPLY : 0);
        String text = t.getProperty(Props.TEXT, "") instanceof String s ? s : "";
        String lang = t.getProperty(Props.LANG, "") instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : "";
        double[] x = new double[LightRanker.SIZE];
        LightRanker.Features.fill(
                x,
                asOf - createdAt,
                counts,
                LightRanker.Features.reputation(
                        followersCache.computeIfAbsent(author, a -> TweetReader.followers(tx, a))),
                interaction.getOrDefault(author, 0.0),
                flags,
                text.length(),
                viewerLang != null
                        && viewerLang.toLowerCase(java.util.Locale.ROOT).equals(lang));
        return x;
    }

    /** Up to {@code max} user ids, sampled evenly by a seeded draw over all users that follow someone. */
    private static List<Long> sampleViewers(Transaction tx, int max, long seed) {
        List<Long> all = new ArrayList<>();
        try (Result r = tx.execute("MATCH (u:User) WHERE EXISTS { (u)-[:FOLLOWS]->() } RETURN u.id AS id")) {
            while (r.hasNext()) {
                if (r.next().get("id") instanceof Number n) {
                    all.add(n.longValue());
                }
            }
        }
        java.util.Collections.sort(all);
        java.util.Collections.shuffle(all, new java.util.Random(seed));
        return all.subList(0, Math.min(max, all.size()));
    }
}
