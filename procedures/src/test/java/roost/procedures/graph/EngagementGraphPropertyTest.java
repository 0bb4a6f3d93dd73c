package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engagement graph answers like a plain list of edges, whatever the order of adds, deletes
 * and publications, and whenever its folds into the history finish (at once, or on a later
 * publication, with deletions meanwhile).
 */
class EngagementGraphPropertyTest {
    private static final long T0 = 1_341_100_800_000L;
    private static final long MIN = 60_000L;

    /** One operation: publish (kind 0), add (kind 1..6) or delete an earlier edge (kind 7). */
    record Op(int kind, int user, int tweet, int type, int minute, int victim) {}

    record Edge(long user, long tweet, long author, int type, long time) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.integers().between(1, 15),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 600),
                        Arbitraries.integers().between(0, 1000))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(120);
    }

    /** Runs tasks only when told: a fold started on one publication finishes on a later one. */
    static final class Deferred implements java.util.concurrent.Executor {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }

    @Property(tries = 300)
    void answersLikeAListOfEdges(
            @ForAll("ops") List<Op> ops,
            @ForAll("windows") int windowMinutes,
            @ForAll("spans") int spanMinutes,
            @ForAll("smalls") int small,
            @ForAll boolean foldsLater,
            @ForAll boolean finishLastFold) {
        Deferred later = new Deferred();
        EngagementGraph.Settings settings = new EngagementGraph.Settings(
                Duration.ofMinutes(windowMinutes), Duration.ofMinutes(Math.min(spanMinutes, windowMinutes)), small);
        EngagementGraph g = foldsLater ? new EngagementGraph(settings, later) : new EngagementGraph(settings);
        List<Edge> model = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (Op op : ops) {
            if (op.kind() == 0) {
                if (op.victim() % 2 == 0) {
                    later.runAll(); // the fold started earlier finishes now
                }
                g.publish();
            } else if (op.kind() == 7) {
                List<Edge> visible = visible(model, newest, windowMinutes);
                if (!visible.isEmpty()) {
                    Edge e = visible.get(op.victim() % visible.size());
                    assertThat(g.delete(e.user(), e.tweet(), e.type(), e.time()))
                            .isTrue();
                    model.remove(e);
                }
            } else {
                Edge e = new Edge(op.user(), op.tweet(), op.tweet() % 3, op.type(), T0 + op.minute() * MIN);
                newest = Math.max(newest, e.time());
                boolean kept = g.add(e.user(), e.tweet(), e.author(), e.type(), e.time());
                assertThat(kept).isEqualTo(e.time() >= newest - windowMinutes * MIN);
                if (kept) {
                    model.add(e);
                }
            }
        }
        if (finishLastFold) {
            later.runAll();
        }
        g.publish();
        List<Edge> visible = visible(model, newest, windowMinutes);
        EngagementCursor c = g.snapshot().cursor();

        for (long user = 1; user <= 8; user++) {
            long u = user;
            List<Edge> expected =
                    new ArrayList<>(visible.stream().filter(e -> e.user() == u).toList());
            List<Edge> actual = new ArrayList<>();
            c.recentEngagements(
                    user,
                    Integer.MAX_VALUE,
                    EngagementTypes.ALL,
                    (t, a, type, time) -> actual.add(new Edge(u, t, a, type, time)));
            // Newest first, and the same multiset.
            for (int i = 1; i < actual.size(); i++) {
                assertThat(actual.get(i).time())
                        .isLessThanOrEqualTo(actual.get(i - 1).time());
            }
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
            // Sampling positions cover exactly the visible edges.
            List<Long> tweets = new ArrayList<>();
            long degree = c.loadUser(user);
            for (long k = 0; k < degree; k++) {
                long t = c.neighbour(k, EngagementTypes.ALL);
                if (t != EngagementCursor.NONE) {
                    tweets.add(t);
                    assertThat(c.lastAuthor()).isEqualTo(t % 3);
                }
            }
            assertThat(tweets)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(Edge::tweet).toList());
            // Type filter.
            List<Edge> likes = new ArrayList<>();
            c.recentEngagements(user, 2, 1, (t, a, type, time) -> likes.add(new Edge(u, t, a, type, time)));
            assertThat(likes).hasSize((int)
                    Math.min(2, expected.stream().filter(e -> e.type() == 0).count()));
            assertThat(likes).allMatch(e -> e.type() == 0);
        }
        for (long tweet = 1; tweet <= 15; tweet++) {
            long t = tweet;
            List<Long> expected =
                    visible.stream().filter(e -> e.tweet() == t).map(Edge::user).toList();
            List<Long> engagers = new ArrayList<>();
            c.engagers(tweet, (user, time) -> engagers.add(user));
            assertThat(engagers).containsExactlyInAnyOrderElementsOf(expected);
            List<Long> sampled = new ArrayList<>();
            long degree = c.loadTweet(tweet);
            for (long k = 0; k < degree; k++) {
                long u = c.neighbour(k, EngagementTypes.ALL);
                if (u != EngagementCursor.NONE) {
                    sampled.add(u);
                }
            }
            assertThat(sampled).containsExactlyInAnyOrderElementsOf(expected);
        }
        Set<Long> storedTweets = new HashSet<>();
        visible.forEach(e -> storedTweets.add(e.tweet()));
        Map<Long, Long> authors = new HashMap<>();
        storedTweets.forEach(t -> authors.put(t, c.authorOf(t)));
        authors.forEach((t, a) -> assertThat(a).isEqualTo(t % 3));
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(1, 30, 120, 700);
    }

    @Provide
    Arbitrary<Integer> spans() {
        return Arbitraries.of(1, 7, 60, 700);
    }

    @Provide
    Arbitrary<Integer> smalls() {
        return Arbitraries.of(1, 3, 50);
    }

    private static List<Edge> visible(List<Edge> model, long newest, int windowMinutes) {
        long cutoff = newest - windowMinutes * MIN;
        return model.stream().filter(e -> e.time() >= cutoff).toList();
    }
}
