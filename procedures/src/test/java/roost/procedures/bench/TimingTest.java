package roost.procedures.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimingTest {
    private static final long[] USERS = {1, 2, 3, 4};

    @Test
    void withoutAMinimumTimeEachUserIsRequestedOncePerPhase() throws Exception {
        AtomicLong calls = new AtomicLong();
        Latency l = Timing.measure(USERS, 2, 2, Duration.ZERO, u -> calls.incrementAndGet());
        // 2 warm-up requests, one timed pass, one throughput pass.
        assertThat(calls.get()).isEqualTo(2 + 4 + 4);
        assertThat(l.requests()).isEqualTo(4);
        assertThat(l.throughput()).isPositive();
    }

    @Test
    void aMinimumTimeCyclesThroughTheUsersUntilItHasPassed() throws Exception {
        // A clock that only the requests move, 10 ms each: the counts and rates below follow from
        // the code, not from how fast this machine is.
        AtomicLong clock = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        long tenMillis = 10_000_000L;
        Latency l = Timing.measure(
                USERS,
                0,
                2,
                Duration.ofMillis(200),
                u -> {
                    calls.incrementAndGet();
                    clock.addAndGet(tenMillis);
                },
                clock::get);
        long throughputCalls = calls.get() - USERS.length;
        // 200 ms of this clock take 20 requests; then each thread ends its pass over its two users.
        assertThat(throughputCalls).isBetween(20L, 24L).isEven();
        assertThat(l.throughput()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(l.p50Micros()).isEqualTo(10_000.0);
    }

    @Test
    void warmingUpCyclesThroughTheUsersUntilTheTimeHasPassed() {
        AtomicLong clock = new AtomicLong();
        long tenMillis = 10_000_000L;
        // 4 users at 10 ms each: 95 ms needs 10 requests, and the last pass ends at 12.
        long requests = Timing.warm(USERS, Duration.ofMillis(95), u -> clock.addAndGet(tenMillis), clock::get);
        assertThat(requests).isEqualTo(12);
        assertThat(clock.get()).isEqualTo(12 * tenMillis);
    }

    @Test
    void warmingUpForNoTimeMakesOnePass() {
        AtomicLong calls = new AtomicLong();
        assertThat(Timing.warm(USERS, Duration.ZERO, u -> calls.incrementAndGet()))
                .isEqualTo(USERS.length);
        assertThat(calls.get()).isEqualTo(USERS.length);
    }
}
