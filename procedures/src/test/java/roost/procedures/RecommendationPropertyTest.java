package roost.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.TestGraph;
import roost.procedures.network.EngagedByFollowings;
import roost.procedures.salsa.TweetSalsa;
import roost.procedures.salsa.UserSalsa;
import roost.procedures.trust.CircleOfTrust;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.PersonalizedPageRank;
import roost.procedures.walk.Salsa;

/**
 * Invariants of every recommender on random graphs: scores finite and sorted, at most the limit,
 * and never the viewer's own tweets, tweets of blocked or muted authors, hidden tweets, the
 * viewer, hidden accounts, or (for who-to-follow) accounts already followed.
 */
class RecommendationPropertyTest {
    private static final int USERS = 12;

    record Engagement(int user, int tweet, int type) {}

    record Follow(int from, int to) {}

    @Provide
    Arbitrary<List<Engagement>> engagements() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, USERS),
                        Arbitraries.integers().between(100, 140),
                        Arbitraries.integers().between(0, EngagementTypes.count() - 1))
                .as(Engagement::new)
                .list()
                .ofMaxSize(150);
    }

    @Provide
    Arbitrary<List<Follow>> follows() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, USERS),
                        Arbitraries.integers().between(1, USERS))
                .as(Follow::new)
                .list()
                .ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Integer>> someUsers() {
        return Arbitraries.integers().between(1, USERS).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Integer>> someTweets() {
        return Arbitraries.integers().between(100, 140).list().ofMaxSize(4);
    }

    /** Tweet t is by user (t mod 12) + 1. */
    private static long author(long tweet) {
        return tweet % USERS + 1;
    }

    @Property(tries = 150)
    void recommendersKeepTheirPromises(
            @ForAll("engagements") List<Engagement> engagements,
            @ForAll("follows") List<Follow> follows,
            @ForAll @IntRange(min = 1, max = USERS) int viewerId,
            @ForAll("someUsers") List<Integer> hidden,
            @ForAll("someTweets") List<Integer> hiddenTweets,
            @ForAll @IntRange(min = 0, max = 15) int limit,
            @ForAll @IntRange(min = 1, max = 400) int walks,
            @ForAll @IntRange(min = 0, max = 3) int halfLength,
            @ForAll("probabilities") double reset,
            @ForAll long seed) {
        TestGraph g = new TestGraph();
        engagements.forEach(e -> g.engage(e.user(), e.tweet(), author(e.tweet()), e.type()));
        follows.forEach(f -> g.follow(f.from(), f.to()));
        g.publish();
        Viewer viewer = new Viewer(
                viewerId,
                new LongOpenHashSet(
                        hidden.stream().mapToLong(Integer::longValue).toArray()),
                new LongOpenHashSet(
                        hiddenTweets.stream().mapToLong(Integer::longValue).toArray()),
                new LongOpenHashSet());
        FollowSet followSet = FollowSet.of(
                viewerId,
                g.f(),
                (v, f) ->
                        java.util.Arrays.stream(f).mapToDouble(id -> 1 + id % 3).toArray(),
                1000);

        var counted = new EngagedByFollowings()
                .run(
                        g.e().cursor(),
                        followSet.ids(),
                        followSet.weights(),
                        viewer,
                        new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 3, limit, true),
                        Guard.NONE);
        assertThat(counted.items()).hasSizeLessThanOrEqualTo(limit);
        assertSorted(
                counted.items().stream().map(EngagedByFollowings.Item::score).toList());
        counted.items().forEach(i -> assertVisible(viewer, i.tweetId(), i.authorId()));
        counted.items().forEach(i -> assertThat(i.socialProof()).hasSizeLessThanOrEqualTo(3));

        Salsa.Params walk = new Salsa.Params(walks, 2 * halfLength + 1, reset, seed);
        var salsa = new TweetSalsa(g.e().cursor(), EngagementTypes.ALL)
                .run(
                        viewer,
                        followSet,
                        new TweetSalsa.Params(walk, 0.2, EngagementTypes.ALL, limit, 0, 5, 100, false),
                        Guard.NONE);
        assertThat(salsa.items()).hasSizeLessThanOrEqualTo(limit);
        assertSorted(salsa.items().stream().map(TweetSalsa.Item::score).toList());
        salsa.items().forEach(i -> assertVisible(viewer, i.tweetId(), i.authorId()));

        var trust = new CircleOfTrust.Params(new PersonalizedPageRank.Params(walks, 3, reset, seed), 5);
        var people = new UserSalsa(g.f()).run(viewer, new UserSalsa.Params(trust, walk, limit, true, 0, 5), Guard.NONE);
        assertThat(people.items()).hasSizeLessThanOrEqualTo(limit);
        assertSorted(people.items().stream().map(UserSalsa.Item::score).toList());
        for (UserSalsa.Item i : people.items()) {
            assertThat(i.userId()).isNotEqualTo(viewerId);
            assertThat(hidden).doesNotContain((int) i.userId());
            assertThat(g.f().follows(viewerId, i.userId())).isFalse();
        }
        var circle = new CircleOfTrust(g.f()).run(viewer, trust, Guard.NONE);
        assertSorted(circle.items().stream().map(CircleOfTrust.Item::score).toList());
        circle.items().forEach(i -> assertThat(viewer.excludesUser(i.userId())).isFalse());
    }

    @Provide
    Arbitrary<Double> probabilities() {
        return Arbitraries.of(0.0, 0.15, 0.3, 0.9, 1.0);
    }

    private static void assertVisible(Viewer viewer, long tweet, long author) {
        assertThat(author).isEqualTo(author(tweet)).isNotEqualTo(viewer.id());
        assertThat(viewer.excludedAuthors().contains(author)).isFalse();
        assertThat(viewer.excludedTweets().contains(tweet)).isFalse();
    }

    private static void assertSorted(List<Double> scores) {
        for (int i = 0; i < scores.size(); i++) {
            assertThat(scores.get(i)).isFinite().isPositive();
            if (i > 0) {
                assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
            }
        }
    }
}
