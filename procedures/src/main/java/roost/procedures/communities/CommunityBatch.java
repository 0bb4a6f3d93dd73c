package roost.procedures.communities;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.model.RoostException;
import roost.procedures.walk.Guard;

/**
 * The whole community batch, SimClusters-style: producers and their similarity graph
 * ({@link ProducerSimilarity}), communities on it with GDS ({@link GdsCommunities}), KnownFor
 * (each producer in its community, scored by the share of its similarity weight that stays
 * inside), InterestedIn for every user (follows of producers times KnownFor, plus decayed
 * engagements with producers' tweets, L2-normalised, top-k), tweet vectors (each engagement adds
 * the engager's InterestedIn, decayed with a half-life), community names, and the write-back
 * ({@link CommunityWriter}).
 *
 * <p>Entry point for {@code ./roost communities} and {@code roost.communities.detect}:
 * {@link #run(GraphDatabaseService, Settings, BatchProgress, Guard)}.
 */
public final class CommunityBatch {
    /**
     * @param similarity producers and their neighbours
     * @param gds the algorithm and its settings
     * @param minCommunitySize communities with fewer producers are dropped (their producers are known for none)
     * @param voteRounds rounds of {@link KnownForVote} after the algorithm (0: the algorithm's partition as is)
     * @param windowMillis engagements read: those in this window before the newest one
     * @param params how interests and tweet vectors are built
     * @param interestedInWritten {@code INTERESTED_IN} relationships written per user (all top-k go to properties)
     * @param write whether to write the result to the graph
     */
    public record Settings(
            ProducerSimilarity.Settings similarity,
            GdsCommunities.Settings gds,
            int minCommunitySize,
            int voteRounds,
            long windowMillis,
            CommunityParams params,
            int interestedInWritten,
            boolean write) {
        public static final Settings DEFAULT = new Settings(
                new ProducerSimilarity.Settings(
                        10, 0.1, 1_000_000, 1000, 20, 0.01, Runtime.getRuntime().availableProcessors()),
                new GdsCommunities.Settings(
                        "leiden", 10, 1.0, 42, Runtime.getRuntime().availableProcessors()),
                3,
                1,
                96 * CommunityParams.HOUR,
                CommunityParams.DEFAULT,
                3,
                true);
    }

    /** What a run did; {@code millis} by stage. */
    public record Result(
            String algorithm,
            int users,
            long follows,
            int engagements,
            int producers,
            long similarityEdges,
            int communities,
            int knownFor,
            double modularity,
            double conductance,
            double coverage,
            long usersWithInterests,
            long tweetsWithVectors,
            int[] sizes,
            /** Producers the KnownFor vote moved to another community (0 without a vote). */
            int voteMoved,
            Map<String, Long> millis,
            CommunityState state,
            /** KnownFor community of every producer by user id (for quality measurements). */
            Long2IntOpenHashMap knownForByUser) {
        public long totalMillis() {
            return millis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CommunityBatch() {}

    public static Result run(GraphDatabaseService db, Settings s, BatchProgress progress, Guard guard) {
        if (!GdsCommunities.ALGORITHMS.contains(s.gds().algorithm())) {
            throw new RoostException.InvalidArgument(
                    "algorithm '" + s.gds().algorithm() + "' is not one of " + GdsCommunities.ALGORITHMS);
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        BatchInput in = BatchInput.load(db, s.params(), s.windowMillis(), progress);
        t = lap(millis, "read", t);
        FollowData f = in.follows;

        SimilarityGraph sim;
        try (BatchProgress.Stage stage = progress.start("Producer similarity", 1)) {
            sim = ProducerSimilarity.compute(f, s.similarity(), guard);
            stage.step(1);
        }
        t = lap(millis, "similarity", t);

        GdsCommunities.Result gds;
        try (BatchProgress.Stage stage =
                progress.start("Communities (" + s.gds().algorithm() + ")", 1)) {
            gds = GdsCommunities.detect(db, sim, s.gds());
            stage.step(1);
        }
        millis.put("project", gds.projectMillis());
        millis.put(s.gds().algorithm(), gds.algorithmMillis());
        t = System.nanoTime();

        // Renumber: communities of at least minCommunitySize producers, largest first.
        Int2IntOpenHashMap count = new Int2IntOpenHashMap();
        for (int c : gds.community()) {
            if (c >= 0) {
                count.addTo(c, 1);
            }
        }
        int[] kept = count.int2IntEntrySet().stream()
                .filter(e -> e.getIntValue() >= s.minCommunitySize())
                .sorted((a, b) -> a.getIntValue() != b.getIntValue()
                        ? Integer.compare(b.getIntValue(), a.getIntValue())
                        : Integer.compare(a.getIntKey(), b.getIntKey()))
                .mapToInt(Int2IntOpenHashMap.Entry::getIntKey)
                .toArray();
        Int2IntOpenHashMap renumber = new Int2IntOpenHashMap();
        renumber.defaultReturnValue(-1);
        for (int i = 0; i < kept.length; i++) {
            renumber.put(kept[i], i);
        }
        int detected = kept.length;
        int[] local = new int[sim.producers()];
        for (int a = 0; a < local.length; a++) {
            local[a] = gds.community()[a] < 0 ? -1 : renumber.get(gds.community()[a]);
        }
        int voteMoved = 0;
        if (s.voteRounds() > 0) {
            try (BatchProgress.Stage stage = progress.start("KnownFor vote", s.voteRounds())) {
                int[] moved = KnownForVote.refine(
                        f,
                        sim.producerUsers(),
                        local,
                        detected,
                        s.voteRounds(),
                        s.similarity().maxFollowersSampled(),
                        s.similarity().threads(),
                        guard);
                voteMoved = Arrays.stream(moved).sum();
                stage.step(s.voteRounds());
            }
            detected = compact(local, detected, s.minCommunitySize());
            t = lap(millis, "vote", t);
        }
        int communities = detected;
        PartitionQuality quality = PartitionQuality.of(sim, local, communities);

        // KnownFor: share of each producer's similarity weight inside its community.
        double[] strength = sim.strengths();
        double[] inside = new double[sim.producers()];
        for (int e = 0; e < sim.edges(); e++) {
            int a = sim.source()[e];
            int b = sim.target()[e];
            if (local[a] >= 0 && local[a] == local[b]) {
                inside[a] += sim.weight()[e];
                inside[b] += sim.weight()[e];
            }
        }
        int[] kfCommunity = new int[f.users()];
        float[] kfScore = new float[f.users()];
        Arrays.fill(kfCommunity, -1);
        Long2IntOpenHashMap knownFor = new Long2IntOpenHashMap();
        Long2FloatOpenHashMap knownForScore = new Long2FloatOpenHashMap();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            members.add(new ArrayList<>());
        }
        for (int a = 0; a < sim.producers(); a++) {
            if (local[a] < 0 || inside[a] <= 0) {
                continue;
            }
            int user = sim.producerUsers()[a];
            kfCommunity[user] = local[a];
            kfScore[user] = (float) (inside[a] / strength[a]);
            knownFor.put(f.userId(user), local[a]);
            knownForScore.put(f.userId(user), kfScore[user]);
            members.get(local[a]).add(user);
        }
        t = lap(millis, "knownFor", t);

        // InterestedIn, in parallel over users.
        CommunityParams p = s.params();
        int[] engOffsets = new int[f.users() + 1];
        for (int u : in.engUser) {
            engOffsets[u + 1]++;
        }
        for (int u = 0; u < f.users(); u++) {
            engOffsets[u + 1] += engOffsets[u];
        }
        int[] engByUser = new int[in.engagements()];
        int[] pos = engOffsets.clone();
        for (int e = 0; e < in.engagements(); e++) {
            engByUser[pos[in.engUser[e]]++] = e;
        }
        SparseVector[] interests = new SparseVector[f.users()];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, s.similarity().threads());
        try (BatchProgress.Stage stage = progress.start("InterestedIn", f.users())) {
            IntStream.range(0, threads).parallel().forEach(th -> {
                double[] acc = new double[Math.max(1, communities)];
                int[] touched = new int[Math.max(1, communities)];
                for (int start = next.getAndAdd(1024); start < f.users(); start = next.getAndAdd(1024)) {
                    guard.check();
                    int end = Math.min(f.users(), start + 1024);
                    for (int u = start; u < end; u++) {
                        int nt = 0;
                        for (int k = 0; k < f.followeeCount(u); k++) {
                            int v = f.followee(u, k);
                            int c = kfCommunity[v];
                            if (c >= 0) {
                                if (acc[c] == 0) {
                                    touched[nt++] = c;
                                }
                                acc[c] += p.followWeight() * kfScore[v];
                            }
                        }
                        for (int k = engOffsets[u]; k < engOffsets[u + 1]; k++) {
                            int e = engByUser[k];
                            int author = f.indexOf(in.engAuthor[e]);
                            int c = author < 0 ? -1 : kfCommunity[author];
                            if (c >= 0) {
                                if (acc[c] == 0) {
                                    touched[nt++] = c;
                                }
                                acc[c] += p.engagementWeight()
                                        * kfScore[author]
                                        * Math.pow(
                                                0.5,
                                                (double) (in.dataTime - in.engTime[e]) / p.interestHalfLifeMillis());
                            }
                        }
                        if (nt > 0) {
                            SparseVector vec = new SparseVector(Math.min(nt, p.interestTopK()));
                            for (int i = 0; i < nt; i++) {
                                vec.add(touched[i], acc[touched[i]], p.interestTopK());
                                acc[touched[i]] = 0;
                            }
                            interests[u] = vec;
                        }
                    }
                    stage.step(end - start);
                }
            });
        }
        Long2ObjectOpenHashMap<SparseVector> interestMap = new Long2ObjectOpenHashMap<>();
        for (int u = 0; u < f.users(); u++) {
            if (interests[u] != null) {
                interestMap.put(f.userId(u), interests[u]);
            }
        }
        t = lap(millis, "interestedIn", t);

        // Tweet vectors: each engagement adds the engager's normalised interests.
        Long2ObjectOpenHashMap<TweetVector> tweets = new Long2ObjectOpenHashMap<>();
        Long2LongOpenHashMap tweetNodes = new Long2LongOpenHashMap();
        float[][] normValues = new float[f.users()][];
        try (BatchProgress.Stage stage = progress.start("Tweet vectors", in.engagements())) {
            for (int e = 0; e < in.engagements(); e++) {
                if ((e & 0xffff) == 0) {
                    guard.check();
                }
                int u = in.engUser[e];
                SparseVector vec = interests[u];
                if (vec == null) {
                    continue;
                }
                if (normValues[u] == null) {
                    double norm = vec.norm();
                    float[] nv = new float[vec.size];
                    for (int i = 0; i < vec.size; i++) {
                        nv[i] = (float) (vec.values[i] / norm);
                    }
                    normValues[u] = nv;
                }
                long tweet = in.engTweet[e];
                TweetVector tv = tweets.get(tweet);
                if (tv == null) {
                    tv = new TweetVector(in.engAuthor[e], in.dataTime, p.tweetTopK());
                    tweets.put(tweet, tv);
                    tweetNodes.put(tweet, in.engTweetNode[e]);
                }
                tv.add(in.engTime[e], 1.0, vec.ids, normValues[u], vec.size, p.tweetHalfLifeMillis(), p.tweetTopK());
                if ((e & 1023) == 1023) {
                    stage.step(1024);
                }
            }
        }
        t = lap(millis, "tweetVectors", t);

        // Communities with their members, best KnownFor score first.
        CommunityState.Community[] list = new CommunityState.Community[communities];
        long now = System.currentTimeMillis();
        CommunityState.Stats stats = new CommunityState.Stats(
                s.gds().algorithm(),
                communities,
                sim.producers(),
                knownFor.size(),
                sim.edges(),
                quality.modularity(),
                quality.conductance(),
                quality.coverage(),
                in.dataTime,
                now);
        for (int c = 0; c < communities; c++) {
            List<Integer> m = members.get(c);
            m.sort((a, b) -> kfScore[a] != kfScore[b]
                    ? Float.compare(kfScore[b], kfScore[a])
                    : Integer.compare(f.followerCount(b), f.followerCount(a)));
            long[] ids = new long[m.size()];
            float[] scores = new float[m.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = f.userId(m.get(i));
                scores[i] = kfScore[m.get(i)];
            }
            list[c] = new CommunityState.Community(c, ids.length, "", List.of(), List.of(), ids, scores);
        }
        CommunityState state = new CommunityState(p, stats, list, knownFor, knownForScore, interestMap, tweets);
        CommunityNames.name(db, state, f);
        t = lap(millis, "names", t);

        if (s.write()) {
            CommunityWriter.write(
                    db,
                    state,
                    in,
                    interests,
                    tweetNodes,
                    s.interestedInWritten(),
                    s.similarity().threads(),
                    progress,
                    guard);
            t = lap(millis, "write", t);
        }
        int[] sizes = new int[communities];
        for (int c = 0; c < communities; c++) {
            sizes[c] = list[c].size();
        }
        return new Result(
                s.gds().algorithm(),
                f.users(),
                f.edges(),
                in.engagements(),
                sim.producers(),
                sim.edges(),
                communities,
                knownFor.size(),
                quality.modularity(),
                quality.conductance(),
                quality.coverage(),
                interestMap.size(),
                tweets.size(),
                sizes,
                voteMoved,
                millis,
                state,
                knownFor);
    }

    /**
     * Drops communities that fell below {@code minSize} (their producers get -1) and renumbers the
     * rest 0, 1, ... by size, largest first (ties: the smaller old id). Returns the count.
     */
    static int compact(int[] local, int communities, int minSize) {
        int[] size = new int[communities];
        for (int c : local) {
            if (c >= 0) {
                size[c]++;
            }
        }
        Integer[] order = new Integer[communities];
        for (int c = 0; c < communities; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        int[] renumber = new int[communities];
        Arrays.fill(renumber, -1);
        int kept = 0;
        for (int c : order) {
            if (size[c] >= minSize) {
                renumber[c] = kept++;
            }
        }
        for (int a = 0; a < local.length; a++) {
            if (local[a] >= 0) {
                local[a] = renumber[local[a]];
            }
        }
        return kept;
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.nanoTime();
        millis.put(stage, (now - since) / 1_000_000);
        return now;
    }
}
