package roost.api.eval;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import roost.api.timeline.MixOptions;
import roost.api.timeline.TimelineItem;
import roost.api.timeline.TimelineService;

/**
 * The methods an evaluation compares. Baselines read the in-memory state at the split
 * ({@link DataSplit}); sources and the pipeline query the database loaded with that state.
 */
public final class Methods {
    /**
     * The candidate sources evaluated alone: a name and the Cypher call that yields
     * {@code tweetId, authorId, score} best first for {@code $viewer} with at most {@code $k} rows.
     * Adding a source is one {@code m.put} line in {@link #sources()}.
     */
    public static final Map<String, String> SOURCES = sources();

    private static Map<String, String> sources() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(
                "engaged-by-followings",
                "CALL roost.network.engagedByFollowings($viewer, {limit: $k}) YIELD tweetId, authorId, score");
        m.put("salsa-tweets", "CALL roost.salsa.tweets($viewer, {limit: $k}) YIELD tweetId, authorId, score");
        m.put(
                "earlybird-in-network",
                "CALL roost.earlybird.inNetwork($viewer, {limit: $k}) YIELD tweetId, authorId, score");

        return java.util.Collections.unmodifiableMap(m);
    }

    private Methods() {}

    /** Every method: the baselines, each source, the pipeline and (on a generated network) the ideal ranking. */
    public static List<Method> standard(DataSplit data, GraphDatabaseService db, long seed) {
        return standard(data, db, seed, java.util.Map.of());
    }

    /** As {@link #standard(DataSplit, GraphDatabaseService, long)}, plus the pipeline with each of {@code variants}' options. */
    public static List<Method> standard(
            DataSplit data, GraphDatabaseService db, long seed, java.util.Map<String, MixOptions> variants) {
        List<Method> methods = new ArrayList<>();
        methods.add(random(data, seed));
        methods.add(popular(data));
        methods.add(chronological(data));
        SOURCES.forEach((name, query) -> methods.add(cypherSource(db, name, query)));
        TimelineService timeline = new TimelineService(db);
        methods.add(pipeline(timeline));
        variants.forEach((name, options) -> methods.add(variant(timeline, name, options)));
        if (data.hasInterests() && data.hasCommunities()) {
            IdealRanking ideal = new IdealRanking(data);
            methods.add(ideal.tweets());
            methods.add(ideal.authors());
        }
        return methods;
    }

    /** Tweets created in the window before the split, drawn uniformly with a seed per viewer. */
    public static Method random(DataSplit data, long seed) {
        return random("random", data, seed);
    }

    public static Method random(String name, DataSplit data, long seed) {
        LongArrayList pool = data.windowTweets;
        return Method.of(name, Method.Kind.BASELINE, (viewer, k) -> {
            SplittableRandom r = new SplittableRandom(seed ^ (viewer * 0x9E3779B97F4A7C15L));
            List<Recommendation> out = new ArrayList<>(k);
            LongOpenHashSet taken = new LongOpenHashSet();
            int n = pool.size();
            if (n <= 4 * k) {
                long[] copy = pool.toLongArray();
                for (int i = n - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    long t = copy[i];
                    copy[i] = copy[j];
                    copy[j] = t;
                }
                for (int i = 0; i < n && out.size() < k; i++) {
                    addIfShowable(data, viewer, copy[i], out, taken, 1.0 - (double) out.size() / k);
                }
                return out;
            }
            for (int attempt = 0; attempt < 20 * k && out.size() < k; attempt++) {
                addIfShowable(data, viewer, pool.getLong(r.nextInt(n)), out, taken, r.nextDouble());
            }
            out.sort(Comparator.comparingDouble(Recommendation::score).reversed());
            return out;
        });
    }

    private static void addIfShowable(
            DataSplit data, long viewer, long tweet, List<Recommendation> out, LongOpenHashSet taken, double score) {
        if (data.showable(viewer, tweet) && taken.add(tweet)) {
            out.add(new Recommendation(tweet, data.tweetAuthor.get(tweet), score));
        }
    }

    /** Tweets by the number of engagements they received in the window before the split. */
    public static Method popular(DataSplit data) {
        long[] ranked = data.windowEngagements.keySet().toLongArray();
        Long[] boxed = new Long[ranked.length];
        for (int i = 0; i < ranked.length; i++) {
            boxed[i] = ranked[i];
        }
        java.util.Arrays.sort(boxed, (a, b) -> {
            int c = Integer.compare(data.windowEngagements.get((long) b), data.windowEngagements.get((long) a));
            if (c == 0) {
                c = Long.compare(data.tweetCreated.get((long) b), data.tweetCreated.get((long) a));
            }
            return c != 0 ? c : Long.compare(a, b);
        });
        return Method.of("popular", Method.Kind.BASELINE, (viewer, k) -> {
            List<Recommendation> out = new ArrayList<>(k);
            for (int i = 0; i < boxed.length && out.size() < k; i++) {
                long t = boxed[i];
                if (data.showable(viewer, t)) {
                    out.add(new Recommendation(t, data.tweetAuthor.get(t), data.windowEngagements.get(t)));
                }
            }
            return out;
        });
    }

    /** The newest tweets before the split of the accounts the viewer followed at the split. */
    public static Method chronological(DataSplit data) {
        return Method.of("chronological", Method.Kind.BASELINE, (viewer, k) -> {
            LongOpenHashSet followees = data.followees.get(viewer);
            List<Recommendation> out = new ArrayList<>(k);
            if (followees == null) {
                return out;
            }
            // k-way merge of the followees' lists, each newest first: {createdAt, author, position}
            PriorityQueue<long[]> heads = new PriorityQueue<>((a, b) -> {
                int c = Long.compare(b[0], a[0]);
                return c != 0 ? c : Long.compare(a[1], b[1]);
            });
            for (long author : followees) {
                LongArrayList tweets = data.tweetsByAuthor.get(author);
                if (tweets != null && !tweets.isEmpty()) {
                    heads.add(new long[] {data.tweetCreated.get(tweets.getLong(0)), author, 0});
                }
            }
            while (!heads.isEmpty() && out.size() < k) {
                long[] head = heads.poll();
                LongArrayList tweets = data.tweetsByAuthor.get(head[1]);
                long t = tweets.getLong((int) head[2]);
                if (data.showable(viewer, t)) {
                    double ageHours = (data.split() - head[0]) / 3_600_000.0;
                    out.add(new Recommendation(t, head[1], Math.pow(0.5, ageHours / 24)));
                }
                int next = (int) head[2] + 1;
                if (next < tweets.size()) {
                    heads.add(new long[] {data.tweetCreated.get(tweets.getLong(next)), head[1], next});
                }
            }
            return out;
        });
    }

    /** A candidate source called through Cypher; the query yields {@code tweetId, authorId, score}. */
    public static Method cypherSource(GraphDatabaseService db, String name, String query) {
        return Method.of(name, Method.Kind.SOURCE, (viewer, k) -> {
            List<Recommendation> out = new ArrayList<>(k);
            try (Transaction tx = db.beginTx();
                    var rows = tx.execute(query, Map.of("viewer", viewer, "k", k))) {
                while (rows.hasNext() && out.size() < k) {
                    Map<String, Object> row = rows.next();
                    out.add(new Recommendation(
                            ((Number) row.get("tweetId")).longValue(),
                            ((Number) row.get("authorId")).longValue(),
                            ((Number) row.get("score")).doubleValue()));
                }
            }
            return out;
        });
    }

    /** The pipeline with other mixing options, named {@code pipeline:<name>}. */
    public static Method variant(TimelineService timeline, String name, MixOptions options) {
        return Method.of(
                "pipeline:" + name,
                Method.Kind.VARIANT,
                (viewer, k) -> recommendations(timeline.timeline(viewer, k, options)));
    }

    /** Whatever the timeline service returns: the full pipeline. */
    public static Method pipeline(TimelineService timeline) {
        return Method.of(
                "pipeline", Method.Kind.PIPELINE, (viewer, k) -> recommendations(timeline.timeline(viewer, k)));
    }

    private static List<Recommendation> recommendations(List<TimelineItem> items) {
        List<Recommendation> out = new ArrayList<>(items.size());
        for (TimelineItem item : items) {
            out.add(new Recommendation(Long.parseLong(item.tweetId()), Long.parseLong(item.authorId()), item.score()));
        }
        return out;
    }
}
