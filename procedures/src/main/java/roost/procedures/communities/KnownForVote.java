package roost.procedures.communities;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import roost.procedures.walk.Guard;

/**
 * Refines a partition of producers by their followers' vote: each follower's interest is the
 * share of the producers it follows that sit in each community (leaving out the producer being
 * voted on); a producer moves to the community its followers' interests add up to most. Ties keep
 * the current community. Each round recomputes the followers' interests from the partition the
 * previous round left.
 *
 * <p>Why: modularity, which Leiden and Louvain maximise, charges a producer for joining a large
 * community ({@code gamma k_p K_C / 2m}), so a producer followed from a large and a small community
 * tends to land in the small one; the followers' vote has no such term. Cost per round: one pass
 * over the follow graph, then for each producer one pass over (at most {@code maxFollowers} of) its
 * followers' community counts.
 */
final class KnownForVote {
    private KnownForVote() {}

    /**
     * @param local community of each producer ({@code -1}: none), updated in place
     * @return producers moved, per round
     */
    static int[] refine(
            FollowData f,
            int[] producerUsers,
            int[] local,
            int communities,
            int rounds,
            int maxFollowers,
            int threads,
            Guard guard) {
        int n = f.users();
        int[] moved = new int[rounds];
        if (communities < 2) {
            return moved;
        }
        int[] communityOfUser = new int[n];
        for (int round = 0; round < rounds; round++) {
            java.util.Arrays.fill(communityOfUser, -1);
            for (int a = 0; a < producerUsers.length; a++) {
                communityOfUser[producerUsers[a]] = local[a];
            }
            // Each user's followed producers counted by community, as compressed rows.
            int[] offsets = new int[n + 1];
            int[] acc = new int[communities];
            int[] touched = new int[communities];
            for (int pass = 0; pass < 2; pass++) {
                int[] ids = pass == 0 ? null : new int[offsets[n]];
                int[] counts = pass == 0 ? null : new int[offsets[n]];
                int at = 0;
                for (int u = 0; u < n; u++) {
                    if ((u & 0xffff) == 0) {
                        guard.check();
                    }
                    int nt = 0;
                    for (int k = 0, out = f.followeeCount(u); k < out; k++) {
                        int c = communityOfUser[f.followee(u, k)];
                        if (c >= 0 && acc[c]++ == 0) {
                            touched[nt++] = c;
                        }
                    }
                    if (pass == 0) {
                        offsets[u + 1] = offsets[u] + nt;
                    }
                    for (int i = 0; i < nt; i++) {
                        if (pass == 1) {
                            ids[at] = touched[i];
                            counts[at++] = acc[touched[i]];
                        }
                        acc[touched[i]] = 0;
                    }
                }
                if (pass == 1) {
                    moved[round] = vote(
                            f, producerUsers, local, communities, offsets, ids, counts, maxFollowers, threads, guard);
                }
            }
            if (moved[round] == 0) {
                break;
            }
        }
        return moved;
    }

    private static int vote(
            FollowData f,
            int[] producerUsers,
            int[] local,
            int communities,
            int[] offsets,
            int[] ids,
            int[] counts,
            int maxFollowers,
            int threads,
            Guard guard) {
        int p = producerUsers.length;
        int[] next = local.clone();
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger moved = new AtomicInteger();
        IntStream.range(0, Math.max(1, threads)).parallel().forEach(t -> {
            double[] score = new double[communities];
            for (int a = cursor.getAndIncrement(); a < p; a = cursor.getAndIncrement()) {
                if ((a & 1023) == 0) {
                    guard.check();
                }
                int own = local[a];
                if (own < 0) {
                    continue;
                }
                int user = producerUsers[a];
                int followers = f.followerCount(user);
                int sampled = Math.min(followers, maxFollowers);
                double step = (double) followers / sampled;
                for (int k = 0; k < sampled; k++) {
                    int fo = f.follower(user, (int) (k * step));
                    int total = 0;
                    for (int j = offsets[fo]; j < offsets[fo + 1]; j++) {
                        total += counts[j];
                    }
                    if (total <= 1) {
                        continue; // follows only this producer: no opinion
                    }
                    double share = 1.0 / (total - 1);
                    for (int j = offsets[fo]; j < offsets[fo + 1]; j++) {
                        int c = ids[j];
                        int count = c == own ? counts[j] - 1 : counts[j];
                        score[c] += count * share;
                    }
                }
                int best = own;
                for (int c = 0; c < communities; c++) {
                    if (score[c] > score[best]) {
                        best = c;
                    }
                }
                java.util.Arrays.fill(score, 0);
                if (best != own) {
                    next[a] = best;
                    moved.incrementAndGet();
                }
            }
        });
        System.arraycopy(next, 0, local, 0, p);
        return moved.get();
    }
}
