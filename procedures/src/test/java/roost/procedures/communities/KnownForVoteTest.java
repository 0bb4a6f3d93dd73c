package roost.procedures.communities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import roost.procedures.walk.Guard;

class KnownForVoteTest {
    /**
     * Producers 0, 1 (community 0), 2, 3 (community 1) and 4 (put in community 0). Followers 5..8
     * follow 2, 3 and 4; follower 9 follows 0, 1 and 4. Leaving producer 4 out, four followers
     * vote for community 1 and one for community 0: 4 moves to community 1.
     */
    private static FollowData graph() {
        long[] ids = {100, 101, 102, 103, 104, 5, 6, 7, 8, 9};
        int[] from = {5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9};
        int[] to = {2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4, 0, 1, 4};
        return FollowData.of(ids, from, to, from.length);
    }

    @Test
    void aProducerMovesToTheCommunityItsFollowersFollow() {
        int[] producers = {0, 1, 2, 3, 4};
        int[] local = {0, 0, 1, 1, 0};
        int[] moved = KnownForVote.refine(graph(), producers, local, 2, 1, 1000, 2, Guard.NONE);
        assertThat(moved).containsExactly(1);
        assertThat(local).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void roundsStopWhenNobodyMoves() {
        // Only producer 4 has a reason to move (ties keep the current community); the second round
        // moves nobody, and the third does not run.
        int[] producers = {0, 1, 2, 3, 4};
        int[] local = {0, 0, 1, 1, 0};
        int[] moved = KnownForVote.refine(graph(), producers, local, 2, 3, 1000, 1, Guard.NONE);
        assertThat(moved).containsExactly(1, 0, 0);
        assertThat(local).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void compactDropsSmallCommunitiesAndRenumbersBySize() {
        int[] local = {2, 2, 2, 0, 1, 1, -1};
        int n = CommunityBatch.compact(local, 3, 2);
        assertThat(n).isEqualTo(2);
        assertThat(local).containsExactly(0, 0, 0, -1, 1, 1, -1);
    }
}
