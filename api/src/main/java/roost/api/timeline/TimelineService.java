package roost.api.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.db.CypherScripts;
import roost.model.Labels;
import roost.model.Props;
import roost.model.RoostException;

/**
 * The home timeline. {@link #timeline(long, int, MixOptions)} is the mixed timeline: candidate
 * sources run in parallel (each in its own transaction, each dropped when it fails or is slower
 * than its timeout), are hydrated in one query, and are blended by the {@link Mixer}.
 * {@link #chronological} is the baseline every ranked timeline is measured against: followees'
 * tweets newest first ({@code cypher/timeline-baseline.cypher}).
 */
public final class TimelineService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineService.class);
    public static final String CHRONOLOGICAL = "in-network-chronological";
    private static final double HALF_LIFE_MS = 24 * 3600_000.0;
    /** What ranking needs of each candidate; text is read for the page's items only. */
    private static final String HYDRATE = """
            MATCH (t:Tweet) WHERE t.id IN $ids
            RETURN t.id AS tweetId, t.authorId AS authorId, t.createdAt AS createdAt, t.inReplyTo IS NOT NULL AS isReply
            """;

    private static final String AUTHOR_PROOF = """
            MATCH (a:User) WHERE a.id IN $authors
            MATCH (me:User {id: $userId})-[:FOLLOWS]->(f:User)-[:FOLLOWS]->(a)
            WITH a, collect(f.id) AS proof
            RETURN a.id AS authorId, proof[0..3] AS proof
            """;

    private static final String VERIFIED =
            "MATCH (a:User) WHERE a.id IN $ids AND a.verified = true RETURN collect(a.id) AS verified";
    private static final String TEXTS = "MATCH (t:Tweet) WHERE t.id IN $ids RETURN t.id AS tweetId, t.text AS text";

    private final GraphDatabaseService db;
    private final String baseline = CypherScripts.load("timeline-baseline");
    private final Map<String, CandidateSource> sources = new LinkedHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "roost-timeline-source");
        t.setDaemon(true);
        return t;
    });

    public TimelineService(GraphDatabaseService db) {
        this.db = db;
        for (CandidateSource s : List.of(Sources.engagedByFollowings(), Sources.salsa(), Sources.communities())) {
            sources.put(s.name(), s);
        }
    }

    /** The names of the candidate sources, in-network first. */
    public List<String> sourceNames() {
        List<String> names = new ArrayList<>();
        names.add("in-network");
        names.addAll(sources.keySet());
        return names;
    }

    /** The mixed timeline with default options. */
    public List<TimelineItem> timeline(long userId, int limit) {
        return mixed(userId, limit, MixOptions.DEFAULTS).items();
    }

    /** A page of the mixed timeline. @throws RoostException.NotFound when the user does not exist */
    public List<TimelineItem> timeline(long userId, int limit, MixOptions options) {
        return mixed(userId, limit, options).items();
    }

    /** The mixed timeline with the mixer's counts and what each source did. */
    public MixedTimeline mixed(long userId, int limit, MixOptions options) {
        Map<String, CandidateSource> chosen = new LinkedHashMap<>();
        for (String name : options.sources()) {
            CandidateSource s = "in-network".equals(name)
                    ? Sources.earlybirdInNetwork(db, (long) (options.windowHours() * 3_600_000L))
                    : sources.get(name);
            if (s == null) {
                throw new RoostException.InvalidArgument(
                        "'sources' names an unknown source '" + name + "'; known: " + String.join(", ", sourceNames()));
            }
            chosen.put(name, s);
        }
        Viewer viewer;
        try (Transaction tx = db.beginTx()) {
            viewer = Viewer.load(tx, userId, (long) (options.windowHours() * 3_600_000L));
        }

        Map<String, Future<Fetched>> running = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (CandidateSource s : chosen.values()) {
            running.put(s.name(), pool.submit(() -> {
                try (Transaction tx = db.beginTx()) {
                    List<Candidate> candidates = s.candidates(tx, viewer, options.candidatesPerSource());
                    return new Fetched(candidates, (System.nanoTime() - start) / 1e6);
                }
            }));
        }
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(options.sourceTimeoutMillis());
        Map<String, List<Candidate>> bySource = new LinkedHashMap<>();
        List<MixedTimeline.SourceReport> reports = new ArrayList<>();
        for (var e : running.entrySet()) {
            try {
                Fetched f = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                bySource.put(e.getKey(), f.candidates());
                reports.add(new MixedTimeline.SourceReport(
                        e.getKey(), "ok", f.candidates().size(), f.millis()));
            } catch (TimeoutException ex) {
                e.getValue().cancel(false); // no interrupt: the source's transaction ends by itself
                reports.add(new MixedTimeline.SourceReport(e.getKey(), "timeout", 0, options.sourceTimeoutMillis()));
                LOG.warn(
                        "Timeline source {} for user {} timed out after {} ms; left out",
                        e.getKey(),
                        userId,
                        options.sourceTimeoutMillis());
            } catch (ExecutionException ex) {
                reports.add(new MixedTimeline.SourceReport(e.getKey(), "error", 0, (System.nanoTime() - start) / 1e6));
                LOG.warn(
                        "Timeline source {} for user {} failed; left out: {}",
                        e.getKey(),
                        userId,
                        ex.getCause().toString());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building a timeline", ex);
            }
        }

        Set<Long> ids = new HashSet<>();
        bySource.values().forEach(list -> list.forEach(c -> ids.add(c.tweetId())));
        Map<Long, TweetInfo> tweets = hydrate(ids, options.verifiedBoost());
        Map<Long, List<Long>> authorProof =
                options.requireSocialProof() ? authorProof(viewer, bySource, tweets) : Map.of();
        Mixer.Result mixed = Mixer.mix(viewer, bySource, tweets, authorProof, options, limit);
        return new MixedTimeline(withTexts(mixed.items()), mixed.candidates(), mixed.dropped(), reports);
    }

    private record Fetched(List<Candidate> candidates, double millis) {}

    /**
     * For out-of-network candidates that no followee engaged with: which of the viewer's followees
     * follow their authors (up to 3 each), the other social proof an out-of-network tweet may have.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, List<Long>> authorProof(
            Viewer viewer, Map<String, List<Candidate>> bySource, Map<Long, TweetInfo> tweets) {
        Set<Long> authors = new HashSet<>();
        for (List<Candidate> list : bySource.values()) {
            for (Candidate c : list) {
                TweetInfo t = tweets.get(c.tweetId());
                if (t != null
                        && c.socialProof().isEmpty()
                        && !viewer.followees().contains(t.authorId())) {
                    authors.add(t.authorId());
                }
            }
        }
        Map<Long, List<Long>> out = new HashMap<>();
        if (authors.isEmpty() || viewer.followees().isEmpty()) {
            return out;
        }
        try (Transaction tx = db.beginTx();
                var result = tx.execute(AUTHOR_PROOF, Map.of("userId", viewer.id(), "authors", List.copyOf(authors)))) {
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                out.put((Long) row.get("authorId"), (List<Long>) row.get("proof"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, TweetInfo> hydrate(Set<Long> ids, boolean withVerified) {
        Map<Long, TweetInfo> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Transaction tx = db.beginTx()) {
            try (var result = tx.execute(HYDRATE, Map.of("ids", List.copyOf(ids)))) {
                while (result.hasNext()) {
                    Map<String, Object> row = result.next();
                    long id = ((Number) row.get("tweetId")).longValue();
                    Number author = (Number) row.get("authorId");
                    Number created = (Number) row.get("createdAt");
                    out.put(
                            id,
                            new TweetInfo(
                                    id,
                                    author == null ? -1 : author.longValue(),
                                    null,
                                    created == null ? 0 : created.longValue(),
                                    (Boolean) row.get("isReply"),
                                    false));
                }
            }
            if (withVerified && !out.isEmpty()) {
                Set<Long> authors = new HashSet<>();
                out.values().forEach(t -> authors.add(t.authorId()));
                Set<Long> verified = new HashSet<>();
                try (var result = tx.execute(VERIFIED, Map.of("ids", List.copyOf(authors)))) {
                    verified.addAll((List<Long>) result.next().get("verified"));
                }
                out.replaceAll((id, t) -> verified.contains(t.authorId())
                        ? new TweetInfo(t.tweetId(), t.authorId(), null, t.createdAt(), t.isReply(), true)
                        : t);
            }
        }
        return out;
    }

    /** The page's items with their texts, read in one query. */
    private List<TimelineItem> withTexts(List<TimelineItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<String, String> texts = new HashMap<>();
        List<Long> ids = items.stream().map(i -> Long.parseLong(i.tweetId())).toList();
        try (Transaction tx = db.beginTx();
                var result = tx.execute(TEXTS, Map.of("ids", ids))) {
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                texts.put(String.valueOf(row.get("tweetId")), (String) row.get("text"));
            }
        }
        return items.stream().map(i -> i.withText(texts.get(i.tweetId()))).toList();
    }

    /**
     * The chronological baseline: followees' tweets, newest first. Score: recency with a 24 h
     * half-life, measured from the newest item of the page.
     *
     * @throws RoostException.NotFound when the user does not exist
     */
    public List<TimelineItem> chronological(long userId, int limit) {
        try (Transaction tx = db.beginTx()) {
            if (tx.findNode(Labels.USER, Props.ID, userId) == null) {
                throw new RoostException.NotFound("user " + userId + " does not exist");
            }
            List<TimelineItem> items = new ArrayList<>(limit);
            try (var result = tx.execute(baseline, Map.of("userId", userId, "limit", limit))) {
                long newest = Long.MIN_VALUE;
                while (result.hasNext()) {
                    Map<String, Object> row = result.next();
                    long createdAt = ((Number) row.get("createdAt")).longValue();
                    newest = Math.max(newest, createdAt);
                    double score = Math.pow(0.5, (newest - createdAt) / HALF_LIFE_MS);
                    items.add(TimelineItem.chronological(
                            String.valueOf(row.get("tweetId")),
                            String.valueOf(row.get("authorId")),
                            (String) row.get("text"),
                            Instant.ofEpochMilli(createdAt).toString(),
                            score,
                            CHRONOLOGICAL));
                }
            }
            return items;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
