package roost.procedures.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.Props;
import roost.model.Rel;

/**
 * The social-graph procedures on a real database, through Cypher, as a client would call them:
 * latency (p50/p99) for random users with followees, throughput with several threads; the plain
 * Cypher {@code MATCH} that answers what {@code roost.network.engagedByFollowings} answers, timed
 * in the same run (the ratio is the point of the live graph); and, when asked, ingest through the
 * transaction listener (engagements committed, then visible to the procedures).
 *
 * <p>Entry point for {@code ./roost bench graph}: {@link #run(GraphDatabaseService, Options)}.
 */
public final class GraphBench {
    /**
     * @param users random users timed per procedure (default 1,000)
     * @param threads threads for throughput (default 2)
     * @param warmup users whose requests warm every call up before timing, other than the timed ones (default 200)
     * @param warmupTime least time each call is then warmed up for, right before it is timed, the
     *     warm-up users cycled until it has passed (default 5 s; zero = one pass): the JIT compiles a
     *     short call's whole path only after tens of thousands of calls
     * @param seed user sampling seed (default 42)
     * @param listenerEdges engagements written to measure the listener path; 0 = write nothing (default)
     * @param listenerBatch engagements per transaction when writing (default 1,000)
     * @param directEdges synthetic edges ingested straight into a separate index (default 2,000,000; 0 = skip)
     * @param throughputTime least time each call's throughput is measured over, the users cycled
     *     until it has passed (default 3 s; zero = one pass over the users)
     * @param rounds alternating rounds of engagedByFollowings and the same-answer MATCH, each timed
     *     once per user per round, after every call was timed (default 5; 0 = none): see {@link Rounds}
     * @param rows how every timed call's rows are read (default {@link QueryRunner.Rows#VALUES}, as
     *     the Bolt server reads them); the rounds are also run with the other way
     */
    public record Options(
            int users,
            int threads,
            int warmup,
            Duration warmupTime,
            long seed,
            int listenerEdges,
            int listenerBatch,
            long directEdges,
            Duration throughputTime,
            int rounds,
            QueryRunner.Rows rows) {
        public Options {
            java.util.Objects.requireNonNull(rows, "rows");
        }

        public static final Options DEFAULT = new Options(
                1000,
                2,
                200,
                Duration.ofSeconds(5),
                42,
                0,
                1000,
                2_000_000,
                Duration.ofSeconds(3),
                5,
                QueryRunner.Rows.VALUES);
    }

    /**
     * engagedByFollowings and the same-answer MATCH timed again in alternating rounds (the
     * procedure over the users, then the MATCH, and again), one thread. A pass of the procedure over
     * 1,000 users lasts some 35 ms on the 1M network, so one transient (a collection, a compilation,
     * the other core busy) can move that pass's p50 by half; the median over rounds, each next to a
     * pass of the other way, holds still.
     *
     * @param rows how the rows were read
     * @param procedureP50Micros the procedure's p50 in each round
     * @param plainP50Micros the MATCH's p50 in each round
     */
    public record Rounds(QueryRunner.Rows rows, double[] procedureP50Micros, double[] plainP50Micros) {
        /** The MATCH's median p50 over the procedure's median p50. */
        public double speedup() {
            return median(plainP50Micros) / median(procedureP50Micros);
        }

        /** Each round's ratio of p50s, lowest first. */
        public double[] roundSpeedups() {
            double[] r = new double[procedureP50Micros.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = plainP50Micros[i] / procedureP50Micros[i];
            }
            Arrays.sort(r);
            return r;
        }

        static double median(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }

    /**
     * @param procedures latency per procedure call (the key is the Cypher called)
     * @param plainCypher the plain-Cypher engagedByFollowings ({@link #PLAIN_CYPHER}, the same answer)
     * @param bareCypher the bare MATCH ({@link #BARE_CYPHER}, no filters: not the same answer)
     * @param engagedByFollowings the procedure with the same settings (uniform weights)
     * @param speedupP50 plain-Cypher p50 / procedure p50
     * @param speedupThroughput procedure throughput / plain-Cypher throughput
     * @param bareSpeedupP50 bare MATCH p50 / procedure p50
     * @param listenerEdgesPerSecond engagements committed and published per second through the listener (0 if not run)
     * @param listenerLagMillis from the last commit until the live graph had published everything (0 if not run)
     * @param direct straight-into-the-index ingest on synthetic edges (null if skipped)
     * @param callFloor {@code CALL roost.version()}: what any procedure call costs through this path
     * @param rowsFloor {@link #ROWS_FLOOR}: Cypher returning {@code rowsFloorRows} rows shaped like
     *     engagedByFollowings' answer, without a procedure or any work
     * @param rowsFloorRows the median number of rows engagedByFollowings returned to the timed users
     * @param byActivity engagedByFollowings and the two MATCHes timed one after the other, by how many
     *     engagements the viewer's followees made in the window
     * @param rows how the timed calls' rows were read
     * @param rounds engagedByFollowings and the same-answer MATCH in alternating rounds, the rows read
     *     as {@code rows} first, then the other way (empty if none)
     */
    public record Report(
            int usersSampled,
            Map<String, Object> liveGraph,
            Map<String, Latency> procedures,
            Latency plainCypher,
            Latency bareCypher,
            Latency engagedByFollowings,
            double speedupP50,
            double speedupThroughput,
            double bareSpeedupP50,
            double listenerEdgesPerSecond,
            double listenerLagMillis,
            IndexBench.Report direct,
            Latency callFloor,
            Latency rowsFloor,
            int rowsFloorRows,
            List<ActivityBucket> byActivity,
            QueryRunner.Rows rows,
            List<Rounds> rounds) {

        /** The report as a Markdown section. */
        public String toMarkdown() {
            StringBuilder md = new StringBuilder();
            md.append(String.format(
                    Locale.ROOT,
                    "Live graph: %s engagement edges in the window in %s segments, %s follows, %.1f bytes/engagement "
                            + "edge, loaded in %s ms.%n%n",
                    liveGraph.get("engagementEdges"),
                    liveGraph.get("segments"),
                    liveGraph.get("followEdges"),
                    ((Number) liveGraph.get("bytesPerEdge")).doubleValue(),
                    liveGraph.get("loadMillis")));
            md.append(String.format(
                    Locale.ROOT,
                    "Rows read as %s.%n%n",
                    rows == QueryRunner.Rows.VALUES
                            ? "values, as the Bolt server reads them (no Java objects made of them)"
                            : "maps, as an embedded application reads them (Result.next())"));
            md.append("| call | p50 ms | p99 ms | CPU p50 ms | requests/s (threads) |\n|---|---:|---:|---:|---:|\n");
            Map<String, Latency> all = new LinkedHashMap<>(procedures);
            all.put("plain Cypher MATCH (engagedByFollowings, the same answer)", plainCypher);
            all.put("bare Cypher MATCH (no filters, not the same answer)", bareCypher);
            all.put(CALL_FLOOR.substring("CALL ".length()) + " (the floor of a procedure call)", callFloor);
            all.put(
                    rowsFloorRows + " rows shaped like engagedByFollowings' answer, from Cypher alone (the floor of "
                            + "returning the median answer)",
                    rowsFloor);
            all.forEach((name, l) -> md.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %.3f | %.3f | %.3f | %.0f (%d) |%n",
                    name,
                    l.p50Micros() / 1e3,
                    l.p99Micros() / 1e3,
                    l.cpuP50Micros() / 1e3,
                    l.throughput(),
                    l.threads())));
            md.append(String.format(
                    Locale.ROOT,
                    "%nengagedByFollowings (uniform weights) vs the plain-Cypher MATCH giving the same answer: "
                            + "%.1fx at p50, %.1fx in throughput; vs the bare MATCH: %.1fx at p50.%n",
                    speedupP50,
                    speedupThroughput,
                    bareSpeedupP50));
            for (Rounds r : rounds) {
                double[] each = r.roundSpeedups();
                md.append(String.format(
                        Locale.ROOT,
                        "In %d alternating rounds (the procedure once per user, then the MATCH, one thread), rows "
                                + "read as %s: procedure p50 %.3f ms, MATCH p50 %.3f ms (medians over the rounds): "
                                + "**%.1fx**; the rounds' own ratios %.1fx to %.1fx.%n",
                        each.length,
                        r.rows() == QueryRunner.Rows.VALUES ? "values (the server's way)" : "maps (Result.next())",
                        Rounds.median(r.procedureP50Micros()) / 1e3,
                        Rounds.median(r.plainP50Micros()) / 1e3,
                        r.speedup(),
                        each[0],
                        each[each.length - 1]));
            }
            if (!byActivity.isEmpty()) {
                md.append(String.format(
                        Locale.ROOT,
                        "%nBy the viewer's followees' engagements in the window (each user timed once per way, "
                                + "the three ways and the call floor one after the other, in a shuffled order):%n%n"
                                + "| followee engagements | users | procedure p50 ms | MATCH p50 ms | ratio of p50s "
                                + "| bare MATCH p50 ms | ratio | procedure p99 ms | MATCH p99 ms | call floor p50 ms |%n"
                                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
                for (ActivityBucket b : byActivity) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %d | %.3f | %.3f | %.1fx | %.3f | %.1fx | %.3f | %.3f | %.3f |%n",
                            b.range(),
                            b.users(),
                            b.procedureP50Micros() / 1e3,
                            b.plainP50Micros() / 1e3,
                            b.plainP50Micros() / b.procedureP50Micros(),
                            b.bareP50Micros() / 1e3,
                            b.bareP50Micros() / b.procedureP50Micros(),
                            b.procedureP99Micros() / 1e3,
                            b.plainP99Micros() / 1e3,
                            b.floorP50Micros() / 1e3));
                }
            }
            if (listenerEdgesPerSecond > 0) {
                md.append(String.format(
                        Locale.ROOT,
                        "Listener path: %,.0f engagements/s committed and published; last commit visible after %.1f ms.%n",
                        listenerEdgesPerSecond,
                        listenerLagMillis));
            }
            if (direct != null) {
                md.append(String.format(
                        Locale.ROOT,
                        "Straight into the index: %,.0f edges/s (%,d synthetic edges), %.1f bytes/edge.%n",
                        direct.edgesPerSecond(),
                        direct.edges(),
                        direct.bytesPerEdge()));
            }
            return md.toString();
        }
    }

    /**
     * engagedByFollowings against the plain-Cypher MATCH for the users whose followees made
     * {@code range} engagements in the window ({@code "all"}: every user timed, after the groups
     * when there is more than one).
     * {@code floorP50Micros} is {@code CALL roost.version()} timed in the same sequence: what any
     * call costs next to the others.
     */
    public record ActivityBucket(
            String range,
            int users,
            double procedureP50Micros,
            double plainP50Micros,
            double bareP50Micros,
            double procedureP99Micros,
            double plainP99Micros,
            double floorP50Micros) {}

    /** engagedByFollowings' default maxEngagementsPerFollowee, which the plain Cypher applies too. */
    static final int PER_FOLLOWEE = 500;

    /** engagedByFollowings' default maxFollowees, which the plain Cypher applies too. */
    static final int MAX_FOLLOWEES = 1000;

    /** Bucket bounds (engagements of the followees in the window): [0, 10), [10, 100), ... */
    private static final long[] ACTIVITY_BOUNDS = {10, 100, 1_000, 10_000};

    /** Seed of the order each user's calls go in, in the activity table. */
    private static final long ORDER_SEED = 7;

    /** Users timed side by side for the activity buckets, as a multiple of {@link Options#users()}. */
    private static final int ACTIVITY_USERS_FACTOR = 5;

    private static final String ENGAGEMENTS = String.join(
            "|", Rel.ofKind(Rel.Kind.ENGAGEMENT).stream().map(Rel::name).toList());

    /**
     * The plain-Cypher way to exactly what {@code roost.network.engagedByFollowings($userId,
     * {weights: 'uniform', excludeEngaged: false})} returns (engagement types as a set, in any
     * order): the viewer's hidden authors and tweets first, then the first {@code $maxFollowees}
     * followees by id (what uniform weights keep), each followee's newest {@code $perFollowee}
     * engagements in the window, then the same filters, score, social proof (followees by id),
     * types, newest time, order and limit. {@code PlainCypherIT} checks that the two agree. Where
     * they may still differ: a followee's engagements tied in time at the cap (the procedure takes
     * the newer segment's first), and data the procedure reads without labels (followees, tweets
     * and hidden accounts here must carry {@code :User} and {@code :Tweet}).
     */
    static final String PLAIN_CYPHER = "MATCH (me:User {id: $userId}) "
            + "OPTIONAL MATCH (me)-[:BLOCKED|MUTED|NOT_INTERESTED|REPORTED]->(x:User) "
            + "WITH me, collect(x.id) AS hiddenAuthors "
            + "OPTIONAL MATCH (me)<-[:BLOCKED]-(y:User) "
            + "WITH me, hiddenAuthors, collect(y.id) AS blockedBy "
            + "OPTIONAL MATCH (me)-[:NOT_INTERESTED|REPORTED]->(z:Tweet) "
            + "WITH me, hiddenAuthors + blockedBy AS hiddenAuthors, collect(z.id) AS hiddenTweets "
            + "MATCH (me)-[:FOLLOWS]->(f:User) WHERE f.id IS NOT NULL "
            + "WITH DISTINCT me, hiddenAuthors, hiddenTweets, f ORDER BY f.id LIMIT $maxFollowees "
            + "CALL (f) { MATCH (f)-[e:" + ENGAGEMENTS + "]->(t:Tweet) WHERE e.createdAt >= $cutoff "
            + "RETURN e, t ORDER BY e.createdAt DESC LIMIT $perFollowee } "
            + "WITH f, e, t, hiddenAuthors, hiddenTweets WHERE NOT t.id IN hiddenTweets "
            + "AND (t.authorId IS NULL OR (t.authorId <> $userId AND NOT t.authorId IN hiddenAuthors)) "
            + "WITH f, e, t ORDER BY f.id "
            + "WITH t, collect(DISTINCT f.id) AS proof, collect(DISTINCT type(e)) AS types, max(e.createdAt) AS newest "
            + "RETURN t.id AS tweetId, t.authorId AS authorId, toFloat(size(proof)) AS score, "
            + "proof[0..10] AS socialProof, size(proof) AS socialProofCount, types AS engagementTypes, "
            + "newest AS newestEngagement ORDER BY score DESC, tweetId DESC LIMIT 200";

    /**
     * The bare MATCH for "tweets my followees engaged with" in the window: no hidden authors or
     * tweets, no caps, no types or newest times. Cheaper than {@link #PLAIN_CYPHER}, and not the
     * same answer; timed beside it to show what the filters cost Cypher.
     */
    static final String BARE_CYPHER = "MATCH (me:User {id: $userId})-[:FOLLOWS]->(f:User)-[e:" + ENGAGEMENTS
            + "]->(t:Tweet) WHERE e.createdAt >= $cutoff AND t.authorId <> $userId "
            + "WITH t, collect(DISTINCT f.id) AS proof "
            + "RETURN t.id AS tweetId, toFloat(size(proof)) AS score, proof[0..10] AS socialProof "
            + "ORDER BY score DESC, tweetId DESC LIMIT 200";

    static final String CALL_FLOOR = "CALL roost.version()";

    /**
     * {@code $rows} rows with engagedByFollowings' columns and value types, made up by Cypher: what
     * returning an answer of that size costs through this path, whoever computes it.
     */
    static final String ROWS_FLOOR = "UNWIND range(1, $rows) AS i RETURN i AS tweetId, i AS authorId, "
            + "toFloat(i) AS score, [i, i + 1] AS socialProof, 2 AS socialProofCount, ['LIKED'] AS engagementTypes, "
            + "i AS newestEngagement";

    /** How many engagements the followees made in the window (what the MATCH keeps after its WHERE on time). */
    static final String FOLLOWEE_ENGAGEMENTS = "MATCH (me:User {id: $userId})-[:FOLLOWS]->(f:User)-[e:" + ENGAGEMENTS
            + "]->(:Tweet) WHERE e.createdAt >= $cutoff RETURN count(e) AS n";

    private GraphBench() {}

    public static Report run(GraphDatabaseService db, Options options) throws Exception {
        Map<String, Object> live = single(db, "CALL roost.graph.stats()", Map.of());
        int activityUsers = options.users() * ACTIVITY_USERS_FACTOR;
        long[] all = sampleUsers(db, options.seed(), activityUsers + options.warmup());
        long[] sampled = Arrays.copyOf(all, Math.min(all.length, activityUsers));
        long[] users = Arrays.copyOf(sampled, Math.min(sampled.length, options.users()));
        if (users.length == 0) {
            throw new IllegalStateException("No user follows anyone: nothing to benchmark");
        }
        // The warm-up users are not the timed ones (unless the graph has too few users): a call warmed
        // on the very users it is then timed on finds their data in the CPU caches, which a server
        // does not for a user's next request. On the 1M network that made engagedByFollowings' p50
        // 0.033 ms against 0.043 to 0.054 ms right after a pass of the MATCH over the same users.
        long[] warm = all.length > activityUsers
                ? Arrays.copyOfRange(all, activityUsers, all.length)
                : Arrays.copyOf(users, Math.min(users.length, options.warmup()));
        QueryRunner runner = new QueryRunner(db, options.rows());
        Object cutoff = live.get("windowStart");
        Map<String, Object> plainParams = Map.of(
                "cutoff",
                cutoff == null ? Long.MIN_VALUE : cutoff,
                "perFollowee",
                PER_FOLLOWEE,
                "maxFollowees",
                MAX_FOLLOWEES);
        List<String> calls = List.of(
                "roost.network.engagedByFollowings($userId, {weights: 'uniform', excludeEngaged: false})",
                "roost.network.engagedByFollowings($userId)",
                "roost.salsa.tweets($userId, {walks: 1000, walkLength: 5})",
                "roost.salsa.tweets($userId, {walks: 1000, walkLength: 5, weights: 'uniform', excludeEngaged: false})",
                "roost.salsa.users($userId)",
                "roost.whoToFollow($userId)",
                "roost.circleOfTrust($userId)",
                "roost.realgraph.scores($userId)");
        // Warm every path first (the JIT compiles code the calls share), then time each call.
        for (String call : calls) {
            Timing.measure(warm, 0, 1, u -> consume(runner, "CALL " + call, u, Map.of()));
        }
        Timing.measure(warm, 0, 1, u -> consume(runner, PLAIN_CYPHER, u, plainParams));
        Timing.measure(warm, 0, 1, u -> consume(runner, BARE_CYPHER, u, plainParams));
        Map<String, Latency> procedures = new LinkedHashMap<>();
        for (String call : calls) {
            procedures.put(call, timed(users, warm, options, u -> consume(runner, "CALL " + call, u, Map.of())));
        }
        Latency procedure = procedures.get(calls.get(0));
        Latency plain = timed(users, warm, options, u -> consume(runner, PLAIN_CYPHER, u, plainParams));
        Latency bare = timed(users, warm, options, u -> consume(runner, BARE_CYPHER, u, plainParams));
        // The floor: a procedure call that does almost nothing, through the same Cypher path.
        Latency floor = timed(users, warm, options, u -> consume(runner, CALL_FLOOR, u, Map.of()));
        // The floor of returning an answer: as many rows as the median answer, made up by Cypher.
        int medianRows = medianRows(runner, "CALL " + calls.get(0), users);
        Map<String, Object> rowsParams = Map.of("rows", medianRows);
        Latency rowsFloor = timed(users, warm, options, u -> consume(runner, ROWS_FLOOR, u, rowsParams));
        List<ActivityBucket> byActivity = byActivity(db, runner, sampled, "CALL " + calls.get(0), plainParams);
        List<Rounds> rounds = new ArrayList<>();
        if (options.rounds() > 0) {
            // The chosen way of reading rows first, then the other, each warmed up again first.
            for (QueryRunner.Rows way : List.of(options.rows(), options.rows().other())) {
                QueryRunner reader = way == runner.rows() ? runner : new QueryRunner(db, way);
                Timing.warm(warm, options.warmupTime(), u -> consume(reader, "CALL " + calls.get(0), u, Map.of()));
                Timing.warm(warm, options.warmupTime(), u -> consume(reader, PLAIN_CYPHER, u, plainParams));
                double[] p = new double[options.rounds()];
                double[] m = new double[options.rounds()];
                for (int r = 0; r < p.length; r++) {
                    p[r] = Timing.measure(users, 0, 1, u -> consume(reader, "CALL " + calls.get(0), u, Map.of()))
                            .p50Micros();
                    m[r] = Timing.measure(users, 0, 1, u -> consume(reader, PLAIN_CYPHER, u, plainParams))
                            .p50Micros();
                }
                rounds.add(new Rounds(way, p, m));
            }
        }

        double listenerRate = 0;
        double lag = 0;
        if (options.listenerEdges() > 0) {
            double[] listener = listenerIngest(db, users, options);
            listenerRate = listener[0];
            lag = listener[1];
        }
        IndexBench.Report direct = null;
        if (options.directEdges() > 0) {
            SyntheticGraph synthetic = new SyntheticGraph(
                    100_000,
                    20,
                    options.directEdges(),
                    0.3,
                    1_341_100_800_000L,
                    Duration.ofHours(48).toMillis(),
                    options.seed());
            direct = IndexBench.run(
                    new IndexBench.Params(synthetic, Duration.ofHours(48), Duration.ofHours(12), 100_000, 0, 1));
        }
        return new Report(
                users.length,
                live,
                procedures,
                plain,
                bare,
                procedure,
                plain.p50Micros() / procedure.p50Micros(),
                procedure.throughput() / plain.throughput(),
                bare.p50Micros() / procedure.p50Micros(),
                listenerRate,
                lag,
                direct,
                floor,
                rowsFloor,
                medianRows,
                byActivity,
                options.rows(),
                rounds);
    }

    /** Warms {@code request} up for {@link Options#warmupTime()}, then times it (latency, then throughput). */
    private static Latency timed(long[] users, long[] warm, Options options, java.util.function.LongConsumer request)
            throws Exception {
        Timing.warm(warm, options.warmupTime(), request);
        return Timing.measure(users, 0, options.threads(), options.throughputTime(), request);
    }

    /**
     * Times the procedure, the plain MATCH, the bare MATCH and the call floor once per user, one after the other
     * in a shuffled order, and groups the users by how many engagements their followees made in the window.
     */
    private static List<ActivityBucket> byActivity(
            GraphDatabaseService db,
            QueryRunner runner,
            long[] users,
            String procedure,
            Map<String, Object> plainParams) {
        int buckets = ACTIVITY_BOUNDS.length + 1;
        List<List<long[]>> times = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            times.add(new ArrayList<>());
        }
        // The followees' engagements first, in a pass of their own: the count is a MATCH too, and
        // it would otherwise always run right before the first timed call.
        long[] engagements = new long[users.length];
        for (int i = 0; i < users.length; i++) {
            Map<String, Object> params = new LinkedHashMap<>(plainParams);
            params.put("userId", users[i]);
            engagements[i] = ((Number) single(db, FOLLOWEE_ENGAGEMENTS, params).get("n")).longValue();
        }
        // The call floor goes along: what any call costs when it runs next to the others. Each
        // user's calls go in a shuffled order, so that every way follows every other as often.
        String[] ways = {procedure, PLAIN_CYPHER, BARE_CYPHER, CALL_FLOOR};
        int[] order = {0, 1, 2, 3};
        SplittableRandom rnd = new SplittableRandom(ORDER_SEED);
        for (int i = 0; i < users.length; i++) {
            long u = users[i];
            for (int k = order.length - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
            }
            long[] t = new long[ways.length];
            for (int way : order) {
                t[way] = timed(() -> consume(runner, ways[way], u, way == 1 || way == 2 ? plainParams : Map.of()));
            }
            int bucket = 0;
            while (bucket < ACTIVITY_BOUNDS.length && engagements[i] >= ACTIVITY_BOUNDS[bucket]) {
                bucket++;
            }
            times.get(bucket).add(t);
        }
        List<ActivityBucket> out = new ArrayList<>();
        List<long[]> everyone = new ArrayList<>();
        for (int bucket = 0; bucket < buckets; bucket++) {
            List<long[]> t = times.get(bucket);
            if (t.isEmpty()) {
                continue;
            }
            everyone.addAll(t);
            String range = bucket == 0
                    ? "< " + ACTIVITY_BOUNDS[0]
                    : bucket == ACTIVITY_BOUNDS.length
                            ? ">= " + ACTIVITY_BOUNDS[bucket - 1]
                            : ACTIVITY_BOUNDS[bucket - 1] + " to " + (ACTIVITY_BOUNDS[bucket] - 1);
            out.add(bucket(range, t));
        }
        if (out.size() > 1) {
            out.add(bucket("all", everyone));
        }
        return out;
    }

    /** The percentiles of one group's times ({procedure, MATCH, bare MATCH, floor} per user, in ns). */
    private static ActivityBucket bucket(String range, List<long[]> t) {
        long[] proc = t.stream().mapToLong(x -> x[0]).sorted().toArray();
        long[] plain = t.stream().mapToLong(x -> x[1]).sorted().toArray();
        long[] bare = t.stream().mapToLong(x -> x[2]).sorted().toArray();
        long[] floor = t.stream().mapToLong(x -> x[3]).sorted().toArray();
        return new ActivityBucket(
                range,
                t.size(),
                Latency.percentile(proc, 0.5) / 1e3,
                Latency.percentile(plain, 0.5) / 1e3,
                Latency.percentile(bare, 0.5) / 1e3,
                Latency.percentile(proc, 0.99) / 1e3,
                Latency.percentile(plain, 0.99) / 1e3,
                Latency.percentile(floor, 0.5) / 1e3);
    }

    private static long timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    /** Users who follow someone, shuffled with the seed. */
    static long[] sampleUsers(GraphDatabaseService db, long seed, int count) {
        List<Long> ids = new ArrayList<>();
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (u:User) WHERE EXISTS { (u)-[:FOLLOWS]->() } RETURN u.id AS id")) {
            r.accept(row -> {
                if (row.get("id") instanceof Number n) {
                    ids.add(n.longValue());
                }
                return true;
            });
        }
        long[] all = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, Math.min(all.length, count));
    }

    /**
     * Writes {@code listenerEdges} LIKED engagements (marked {@code bench: true}) from sampled users
     * to existing tweets at the newest data time, waits until the live graph published them all,
     * then deletes them again. Returns {edges/s, lag after the last commit in ms}.
     */
    private static double[] listenerIngest(GraphDatabaseService db, long[] users, Options options) throws Exception {
        List<Long> tweets = new ArrayList<>();
        db.executeTransactionally("MATCH (t:Tweet) RETURN t.id AS id LIMIT 10000", Map.of(), r -> {
            r.forEachRemaining(row -> tweets.add(((Number) row.get("id")).longValue()));
            return null;
        });
        if (tweets.isEmpty()) {
            return new double[] {0, 0};
        }
        Object newest = single(db, "CALL roost.graph.stats()", Map.of()).get("newestTime");
        long at = newest instanceof Number n ? n.longValue() : System.currentTimeMillis();
        SplittableRandom rnd = new SplittableRandom(options.seed());
        long queuedBefore =
                ((Number) single(db, "CALL roost.graph.stats()", Map.of()).get("batchesQueued")).longValue();
        long t0 = System.nanoTime();
        int written = 0;
        int transactions = 0;
        while (written < options.listenerEdges()) {
            int n = Math.min(options.listenerBatch(), options.listenerEdges() - written);
            List<Map<String, Object>> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(Map.of("u", users[rnd.nextInt(users.length)], "t", tweets.get(rnd.nextInt(tweets.size()))));
            }
            db.executeTransactionally(
                    "UNWIND $rows AS row MATCH (u:User {id: row.u}), (t:Tweet {id: row.t}) " + "CREATE (u)-[:"
                            + Rel.LIKED.name() + " {" + Props.CREATED_AT + ": $at, bench: true}]->(t)",
                    Map.of("rows", rows, "at", at));
            written += n;
            transactions++;
        }
        long committed = System.nanoTime();
        long target = queuedBefore + transactions;
        while (((Number) single(db, "CALL roost.graph.stats()", Map.of()).get("batchesApplied")).longValue() < target) {
            Thread.sleep(1);
            if (System.nanoTime() - committed > 60_000_000_000L) {
                throw new IllegalStateException("The live graph did not catch up within 60 s");
            }
        }
        long visible = System.nanoTime();
        db.executeTransactionally("MATCH ()-[e:" + Rel.LIKED.name() + " {bench: true}]->() DELETE e");
        return new double[] {written / ((visible - t0) / 1e9), (visible - committed) / 1e6};
    }

    /** The median number of rows {@code query} returns to {@code users}. */
    private static int medianRows(QueryRunner runner, String query, long[] users) {
        long[] rows = new long[users.length];
        for (int i = 0; i < users.length; i++) {
            rows[i] = runner.run(query, Map.of("userId", users[i]));
        }
        Arrays.sort(rows);
        return rows.length == 0 ? 0 : (int) rows[rows.length / 2];
    }

    private static void consume(QueryRunner runner, String query, long userId, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>(extra);
        params.put("userId", userId);
        runner.run(query, params);
    }

    private static Map<String, Object> single(GraphDatabaseService db, String query, Map<String, Object> params) {
        return db.executeTransactionally(query, params, r -> r.next());
    }
}
