package roost.procedures.communities;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.procedures.walk.TopK;

/**
 * The live community model of one database: the last run's result ({@link CommunityState}), kept
 * current by {@link CommunityListener} as follows and engagements commit, and read by the
 * {@code roost.communities.*} procedures.
 *
 * <p>Costs: a follow or unfollow is O(interestTopK); an engagement is O(interestTopK log
 * interestTopK + tweetTopK * (interestTopK + topTweetsPerCommunity)); {@link #similarTweets} is
 * O(communities * tweetsPerCommunity * tweetTopK).
 *
 * <p>Thread-safe: updates take a write lock, reads a read lock (updates are short).
 */
public final class CommunityModel implements AutoCloseable {
    /** A user's interests, L2-normalised, strongest first. */
    public record Interest(int[] communities, float[] scores) {
        static final Interest NONE = new Interest(new int[0], new float[0]);

        public int size() {
            return communities.length;
        }
    }

    public record SimilarTweet(long tweetId, long authorId, double score, int community) {}

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private CommunityState state = CommunityState.empty();
    private Runnable onClose = () -> {};

    /** An empty model, not attached to a database (for tests and benchmarks). */
    public CommunityModel() {}

    /**
     * The model of a database: loaded from what the last run wrote to it, then kept current by a
     * transaction listener (unregistered by {@link #close()}).
     */
    public static CommunityModel open(GraphDatabaseService db, DatabaseManagementService dbms) {
        CommunityModel model = new CommunityModel();
        CommunityListener listener = new CommunityListener(model);
        dbms.registerTransactionEventListener(db.databaseName(), listener);
        model.onClose = () -> dbms.unregisterTransactionEventListener(db.databaseName(), listener);
        model.replace(CommunityLoader.load(db));
        return model;
    }

    /** Installs the result of a batch run. */
    public void install(CommunityBatch.Result result) {
        replace(result.state());
    }

    @Override
    public void close() {
        onClose.run();
    }

    /** Installs a new run's result. */
    void replace(CommunityState next) {
        lock.writeLock().lock();
        try {
            state = next;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A follow was created ({@code added}) or deleted: the follower's interests change by the followee's KnownFor. */
    public void follow(long follower, long followee, boolean added) {
        lock.writeLock().lock();
        try {
            CommunityState s = state;
            int c = s.knownFor.get(followee);
            if (c < 0) {
                return;
            }
            double delta = s.params.followWeight() * s.knownForScore.get(followee);
            addInterest(s, follower, c, added ? delta : -delta);
            s.liveUpdates++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * An engagement was created: the engager's interests gain the author's KnownFor (decayed by the
     * engagement's age against the run's data time), then the tweet's vector gains the engager's
     * interests (decayed from the engagement's time), and the tweet's rank in its communities moves.
     */
    public void engage(long user, long tweet, long author, String type, long time) {
        lock.writeLock().lock();
        try {
            CommunityState s = state;
            CommunityParams p = s.params;
            if (!p.counts(type) || s.communities.length == 0) {
                return;
            }
            int c = s.knownFor.get(author);
            if (c >= 0) {
                double age = Math.max(0, s.stats.dataTime() - time);
                addInterest(
                        s,
                        user,
                        c,
                        p.engagementWeight()
                                * s.knownForScore.get(author)
                                * Math.pow(0.5, age / p.interestHalfLifeMillis()));
            }
            Interest interest = normalised(s, user, p.interestTopK());
            if (interest.size() > 0) {
                TweetVector v = s.tweets.get(tweet);
                if (v == null) {
                    v = new TweetVector(author, time, p.tweetTopK());
                    s.tweets.put(tweet, v);
                }
                v.add(
                        time,
                        1.0,
                        interest.communities(),
                        interest.scores(),
                        interest.size(),
                        p.tweetHalfLifeMillis(),
                        p.tweetTopK());
                for (int i = 0; i < v.vector.size; i++) {
                    int k = v.vector.ids[i];
                    s.top[k].update(tweet, v.rankKey(k, p.tweetHalfLifeMillis()));
                }
            }
            s.liveUpdates++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void addInterest(CommunityState s, long user, int community, double delta) {
        SparseVector v = s.interests.get(user);
        if (v == null) {
            if (delta <= 0) {
                return;
            }
            v = new SparseVector(4);
            s.interests.put(user, v);
        }
        v.add(community, delta, s.params.interestTopK());
        if (v.size == 0) {
            s.interests.remove(user);
        }
    }

    /** The user's interests, L2-normalised, strongest first, at most {@code limit}. */
    public Interest interestOf(long user, int limit) {
        lock.readLock().lock();
        try {
            return normalised(state, user, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static Interest normalised(CommunityState s, long user, int limit) {
        SparseVector v = s.interests.get(user);
        if (v == null || v.size == 0) {
            return Interest.NONE;
        }
        double norm = v.norm();
        int[] order = v.order();
        int n = Math.min(limit, order.length);
        int[] ids = new int[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = v.ids[order[i]];
            scores[i] = (float) (v.values[order[i]] / norm);
        }
        return new Interest(ids, scores);
    }

    /**
     * The candidate source: the viewer's {@code communities} strongest communities, each
     * community's {@code tweetsPerCommunity} best tweets, scored by the exact cosine between the
     * viewer's interests and the tweet's vector; the viewer's own tweets are left out.
     */
    public List<SimilarTweet> similarTweets(
            long viewer, int communities, int tweetsPerCommunity, double minScore, int limit) {
        lock.readLock().lock();
        try {
            CommunityState s = state;
            Interest interest = normalised(s, viewer, communities);
            if (interest.size() == 0) {
                return List.of();
            }
            // The viewer's full (normalised) vector, for exact cosines beyond the seed communities.
            Interest full = normalised(s, viewer, Integer.MAX_VALUE);
            LongOpenHashSet seen = new LongOpenHashSet();
            TopK top = new TopK(limit);
            Long2IntOpenHashMap via = new Long2IntOpenHashMap();
            for (int i = 0; i < interest.size(); i++) {
                for (long tweet : s.top[interest.communities()[i]].best(tweetsPerCommunity)) {
                    if (!seen.add(tweet)) {
                        continue;
                    }
                    TweetVector v = s.tweets.get(tweet);
                    if (v == null || v.author == viewer) {
                        continue;
                    }
                    double dot = 0;
                    double best = -1;
                    int bestC = -1;
                    for (int k = 0; k < full.size(); k++) {
                        double x = full.scores()[k] * v.vector.get(full.communities()[k]);
                        dot += x;
                        if (x > best) {
                            best = x;
                            bestC = full.communities()[k];
                        }
                    }
                    double norm = v.vector.norm();
                    double cos = norm == 0 ? 0 : dot / norm;
                    if (cos >= minScore && cos > 0) {
                        top.offer(tweet, cos);
                        via.put(tweet, bestC);
                    }
                }
            }
            double[] scores = new double[top.size()];
            long[] ids = top.drain(scores);
            List<SimilarTweet> out = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                out.add(new SimilarTweet(ids[i], s.tweets.get(ids[i]).author, scores[i], via.get(ids[i])));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The community a producer is known for, or -1; and its score. */
    public int knownFor(long producer) {
        lock.readLock().lock();
        try {
            return state.knownFor.get(producer);
        } finally {
            lock.readLock().unlock();
        }
    }

    public double knownForScore(long producer) {
        lock.readLock().lock();
        try {
            return state.knownForScore.get(producer);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The community, or null when there is none with that id. */
    public CommunityState.Community community(int id) {
        lock.readLock().lock();
        try {
            return id >= 0 && id < state.communities.length ? state.communities[id] : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int communityCount() {
        lock.readLock().lock();
        try {
            return state.communities.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A community's best tweets now, with their decayed scores in it at {@code now} (data time). */
    public List<SimilarTweet> topTweets(int community, int limit, long now) {
        lock.readLock().lock();
        try {
            CommunityState s = state;
            List<SimilarTweet> out = new ArrayList<>();
            for (long tweet : s.top[community].best(limit)) {
                TweetVector v = s.tweets.get(tweet);
                double decay = Math.pow(0.5, Math.max(0, now - v.time) / (double) s.params.tweetHalfLifeMillis());
                out.add(new SimilarTweet(tweet, v.author, v.vector.get(community) * decay, community));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Run statistics plus live counts. */
    public record Summary(
            CommunityState.Stats stats,
            int[] sizes,
            long usersWithInterests,
            long tweetsWithVectors,
            long liveUpdates,
            long newestTweetTime) {}

    public Summary summary() {
        lock.readLock().lock();
        try {
            CommunityState s = state;
            int[] sizes = new int[s.communities.length];
            for (int c = 0; c < sizes.length; c++) {
                sizes[c] = s.communities[c].size();
            }
            long newest = s.stats.dataTime();
            for (TweetVector v : s.tweets.values()) {
                newest = Math.max(newest, v.time);
            }
            return new Summary(s.stats, sizes, s.interests.size(), s.tweets.size(), s.liveUpdates, newest);
        } finally {
            lock.readLock().unlock();
        }
    }
}
