package roost.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SnowflakeTest {
    private static final long T = 1_341_446_400_000L; // 2012-07-05T00:00:00Z

    @Test
    void idsCarryTheirTimeWorkerAndSequence() {
        long id = Snowflake.compose(T - Snowflake.EPOCH, 7, 42);
        assertThat(Snowflake.timestampOf(id)).isEqualTo(T);
        assertThat(Snowflake.workerOf(id)).isEqualTo(7);
        assertThat(Snowflake.sequenceOf(id)).isEqualTo(42);
    }

    @Test
    void bitLayoutIs41TimeBits10WorkerBits12SequenceBits() {
        assertThat(Snowflake.compose(1, 1, 1)).isEqualTo((1L << 22) | (1L << 12) | 1L);
        assertThat(Snowflake.compose(0, Snowflake.MAX_WORKER, 4095)).isEqualTo((1L << 22) - 1);
    }

    @Test
    void idOrderIsTimeOrderEvenWithinOneMillisecondAndPastTheSequence() {
        Snowflake ids = new Snowflake(3);
        long[] sameMilli = LongStream.range(0, 10_000).map(i -> ids.next(T)).toArray();
        for (int i = 1; i < sameMilli.length; i++) {
            assertThat(sameMilli[i]).isGreaterThan(sameMilli[i - 1]);
        }
        long later = ids.next(T + 10_000);
        assertThat(later).isGreaterThan(sameMilli[sameMilli.length - 1]);
        assertThat(Snowflake.timestampOf(later)).isEqualTo(T + 10_000);
        // 10,000 ids in one millisecond borrow from the next two milliseconds (4,096 per millisecond).
        assertThat(Snowflake.timestampOf(sameMilli[sameMilli.length - 1])).isEqualTo(T + 2);
    }

    @Test
    void aClockThatStepsBackNeverRepeatsAnId() {
        Snowflake ids = new Snowflake(0);
        long a = ids.next(T + 5);
        long b = ids.next(T);
        assertThat(b).isGreaterThan(a);
    }

    @Test
    void lowerBoundIsBelowEveryIdOfThatTime() {
        Snowflake ids = new Snowflake(Snowflake.MAX_WORKER);
        assertThat(Snowflake.lowerBound(T)).isLessThanOrEqualTo(ids.next(T));
        assertThat(Snowflake.lowerBound(T + 1)).isGreaterThan(new Snowflake(Snowflake.MAX_WORKER).next(T));
    }

    @Test
    void rejectsBadWorkersAndTimesBeforeTheEpoch() {
        assertThatThrownBy(() -> new Snowflake(1024)).hasMessageContaining("worker must be in [0, 1023], was 1024");
        assertThatThrownBy(() -> new Snowflake(0).next(0)).hasMessageContaining("before the Snowflake epoch");
    }
}
