package roost.procedures.salsa;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.TestGraph;
import roost.procedures.trust.CircleOfTrust;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.PersonalizedPageRank;
import roost.procedures.walk.Salsa;
import roost.procedures.walk.WalkStats;

class UserSalsaTest {
    private static final long VIEWER = 1;

    /** 1 follows 2, 3, 4; they all follow 10 (the dominant authority) and some follow 11, 12, 66. */
    private static TestGraph graph() {
        return new TestGraph()
                .follow(VIEWER, 2, 3, 4)
                .follow(2, 10, 11, 66)
                .follow(3, 10, 12)
                .follow(4, 10, 2)
                .follow(5, 10, 13)
                .follow(10, 5)
                .publish();
    }

    private static UserSalsa.Params params(boolean excludeFollowed, int minProof) {
        return new UserSalsa.Params(
                new CircleOfTrust.Params(new PersonalizedPageRank.Params(2000, 6, 0.15, 5), 100),
                new Salsa.Params(2000, 3, 0.3, 6),
                20,
                excludeFollowed,
                minProof,
                10);
    }

    private static final Viewer VIEWER_BLOCKING_66 =
            new Viewer(VIEWER, new LongOpenHashSet(new long[] {66}), new LongOpenHashSet(), new LongOpenHashSet());

    @Test
    void whoToFollowRanksTheDominantAuthorityFirstWithItsSocialProof() {
        var r = new UserSalsa(graph().f()).run(VIEWER_BLOCKING_66, params(true, 0), Guard.NONE);
        assertThat(r.items()).isNotEmpty();
        UserSalsa.Item first = r.items().get(0);
        assertThat(first.userId()).isEqualTo(10);
        assertThat(first.socialProof()).containsExactly(2, 3, 4);
        assertThat(first.socialProofCount()).isEqualTo(3);
        assertThat(first.followed()).isFalse();
        assertThat(r.items())
                .extracting(UserSalsa.Item::userId)
                .doesNotContain(VIEWER, 2L, 3L, 4L, 66L)
                .contains(11L, 12L);
        assertThat(r.items().stream()
                        .filter(i -> i.userId() == 11)
                        .findFirst()
                        .orElseThrow()
                        .socialProof())
                .containsExactly(2);
    }

    @Test
    void salsaUsersKeepsFollowedAccountsAndMinimumSocialProofFilters() {
        var all = new UserSalsa(graph().f()).run(VIEWER_BLOCKING_66, params(false, 0), Guard.NONE);
        assertThat(all.items()).extracting(UserSalsa.Item::userId).contains(2L).doesNotContain(66L, VIEWER);
        assertThat(all.items().stream()
                        .filter(i -> i.userId() == 2)
                        .findFirst()
                        .orElseThrow()
                        .followed())
                .isTrue();
        var proven = new UserSalsa(graph().f()).run(VIEWER_BLOCKING_66, params(true, 2), Guard.NONE);
        assertThat(proven.items()).extracting(UserSalsa.Item::userId).containsExactly(10L);
    }

    @Test
    void circleOfTrustPutsDirectFolloweesFirst() {
        // 1 follows 2, 3, 4; 2 follows 5; 5 follows 6.
        TestGraph g = new TestGraph()
                .follow(VIEWER, 2, 3, 4)
                .follow(2, 5)
                .follow(5, 6)
                .publish();
        var r = new CircleOfTrust(g.f())
                .run(
                        Viewer.of(VIEWER),
                        new CircleOfTrust.Params(new PersonalizedPageRank.Params(5000, 8, 0.15, 3), 5),
                        Guard.NONE);
        assertThat(r.items().subList(0, 3))
                .extracting(CircleOfTrust.Item::userId)
                .containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(r.items().subList(3, 5))
                .extracting(CircleOfTrust.Item::userId)
                .containsExactly(5L, 6L);
        assertThat(r.items().get(0).followed()).isTrue();
        assertThat(r.items().get(3).followed()).isFalse();
        assertThat(r.viewerScore()).isGreaterThan(0.1);
    }

    /** Everything a result holds but the time taken. */
    private static String show(UserSalsa.Result r) {
        WalkStats s = r.stats();
        return r.items().stream()
                        .map(i -> i.userId() + ":" + i.score() + ":" + i.visits() + ":"
                                + Arrays.toString(i.socialProof()) + ":" + i.socialProofCount() + ":" + i.followed())
                        .toList()
                + " hubs " + r.hubs() + " walks " + s.walks() + " steps " + s.steps() + " resets " + s.resets()
                + " lost " + s.lost() + " loads " + s.nodesVisited() + " candidates " + s.candidates();
    }

    @Test
    void aReusedInstanceAnswersAsAFreshOne() {
        TestGraph g = graph();
        UserSalsa.Params p = params(true, 0);
        // Viewer 5 (follows 10 and 13), with other walks, in between.
        UserSalsa.Params other = new UserSalsa.Params(
                new CircleOfTrust.Params(new PersonalizedPageRank.Params(3000, 4, 0.3, 9), 3),
                new Salsa.Params(3000, 5, 0.5, 10),
                20,
                false,
                0,
                10);

        UserSalsa salsa = new UserSalsa(g.f());
        String first = show(salsa.run(VIEWER_BLOCKING_66, p, Guard.NONE));
        String between = show(salsa.run(Viewer.of(5), other, Guard.NONE));
        String again = show(salsa.run(VIEWER_BLOCKING_66, p, Guard.NONE));
        String fresh = show(new UserSalsa(g.f()).run(VIEWER_BLOCKING_66, p, Guard.NONE));

        assertThat(first).startsWith("[10:");
        assertThat(between).isNotEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }
}
