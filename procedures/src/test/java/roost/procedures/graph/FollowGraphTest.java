package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FollowGraphTest {
    @Test
    void loadDeduplicatesAndSorts() {
        FollowGraph g = new FollowGraph();
        g.load(new long[] {1, 1, 1, 2, 3}, new long[] {9, 5, 9, 5, 1}, 5);
        FollowSnapshot s = g.snapshot();
        assertThat(s.followeeIds(1)).containsExactly(5, 9);
        assertThat(s.followerIds(5)).containsExactly(1, 2);
        assertThat(s.follows(3, 1)).isTrue();
        assertThat(s.follows(1, 3)).isFalse();
        assertThat(s.edgeCount()).isEqualTo(4);
        assertThat(s.followeeIds(42)).isEmpty();
    }

    @Test
    void changesAreVisibleOnlyAfterPublish() {
        FollowGraph g = new FollowGraph();
        g.load(new long[] {1}, new long[] {2}, 1);
        FollowSnapshot before = g.snapshot();
        assertThat(g.add(1, 3)).isTrue();
        assertThat(g.add(1, 3)).isFalse();
        assertThat(g.remove(1, 2)).isTrue();
        assertThat(g.snapshot().followeeIds(1)).containsExactly(2);
        g.publish();
        assertThat(g.snapshot().followeeIds(1)).containsExactly(3);
        assertThat(g.snapshot().followerIds(2)).isEmpty();
        assertThat(g.snapshot().follows(1, 3)).isTrue();
        assertThat(before.followeeIds(1)).containsExactly(2);
    }

    @Test
    void rebuildsTheBaseWhenTheOverlayGrows() {
        FollowGraph g = new FollowGraph();
        SplittableRandom rnd = new SplittableRandom(3);
        Set<List<Long>> model = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long a = rnd.nextInt(120_000);
            long b = rnd.nextInt(120_000);
            g.add(a, b);
            model.add(List.of(a, b));
            if (i % 10_000 == 0) {
                g.publish();
            }
        }
        g.publish();
        FollowSnapshot s = g.snapshot();
        assertThat(s.rebuilds()).isGreaterThan(0);
        assertThat(s.edgeCount()).isEqualTo(model.size());
        for (List<Long> e : model.stream().limit(2000).toList()) {
            assertThat(s.follows(e.get(0), e.get(1))).isTrue();
        }
    }

    record Op(boolean add, int a, int b, boolean publish) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of(true, true, false),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.of(false, false, false, true))
                .as(Op::new)
                .list()
                .ofMaxSize(80);
    }

    @Property(tries = 200)
    void answersLikeASetOfPairs(@ForAll("ops") List<Op> ops, @ForAll boolean startFromLoad) {
        FollowGraph g = new FollowGraph();
        Set<List<Long>> model = new HashSet<>();
        if (startFromLoad) {
            g.load(new long[] {1, 2, 3}, new long[] {2, 3, 1}, 3);
            model.addAll(List.of(List.of(1L, 2L), List.of(2L, 3L), List.of(3L, 1L)));
        }
        for (Op op : ops) {
            List<Long> pair = List.of((long) op.a(), (long) op.b());
            if (op.add()) {
                assertThat(g.add(op.a(), op.b())).isEqualTo(model.add(pair));
            } else {
                assertThat(g.remove(op.a(), op.b())).isEqualTo(model.remove(pair));
            }
            if (op.publish()) {
                g.publish();
            }
        }
        g.publish();
        FollowSnapshot s = g.snapshot();
        for (long u = 1; u <= 12; u++) {
            long user = u;
            long[] out = model.stream()
                    .filter(p -> p.get(0) == user)
                    .mapToLong(p -> p.get(1))
                    .sorted()
                    .toArray();
            long[] in = model.stream()
                    .filter(p -> p.get(1) == user)
                    .mapToLong(p -> p.get(0))
                    .sorted()
                    .toArray();
            assertThat(s.followeeIds(u)).containsExactly(out);
            assertThat(s.followerIds(u)).containsExactly(in);
            for (long v = 1; v <= 12; v++) {
                assertThat(s.follows(u, v)).isEqualTo(Arrays.binarySearch(out, v) >= 0);
            }
        }
        assertThat(s.edgeCount()).isEqualTo(model.size());
    }
}
