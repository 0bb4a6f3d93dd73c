package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LongIdIndexTest {
    @Test
    void findsEveryIdAndNothingElse() {
        long[] ids = new SplittableRandom(7).longs(10_000).distinct().toArray();
        LongIdIndex index = new LongIdIndex(ids);
        for (int row = 0; row < ids.length; row++) {
            assertThat(index.row(ids[row])).isEqualTo(row);
            assertThat(index.id(row)).isEqualTo(ids[row]);
        }
        LongStream.range(0, 1000).forEach(i -> assertThat(index.row(i * 31 + 1)).isEqualTo(-1));
    }

    @Test
    void handlesSequentialIdsZeroAndExtremes() {
        long[] ids = {0, 1, 2, 3, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        LongIdIndex index = new LongIdIndex(ids);
        for (int row = 0; row < ids.length; row++) {
            assertThat(index.row(ids[row])).isEqualTo(row);
        }
        assertThat(new LongIdIndex(new long[0]).row(0)).isEqualTo(-1);
    }

    @Test
    void rejectsDuplicates() {
        assertThatThrownBy(() -> new LongIdIndex(new long[] {5, 6, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate id 5");
    }
}
