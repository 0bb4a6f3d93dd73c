package roost.procedures.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloErrorTest {
    @Test
    void errorShrinksTowardsTheExactAnswerAsWalksGrow() {
        SyntheticGraph graph = new SyntheticGraph(
                300, 8, 3000, 0.3, 1_341_360_000_000L, Duration.ofHours(12).toMillis(), 3);
        List<MonteCarloError.Row> rows = MonteCarloError.run(graph, new int[] {100, 10_000, 200_000}, 2);
        assertThat(rows).hasSize(3);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).salsaL1()).isLessThan(rows.get(i - 1).salsaL1());
            assertThat(rows.get(i).pprL1()).isLessThan(rows.get(i - 1).pprL1());
        }
        // With enough walks the estimate is the exact answer up to sampling noise (~1/sqrt(walks)).
        assertThat(rows.get(2).salsaL1()).isLessThan(0.1);
        assertThat(rows.get(2).pprL1()).isLessThan(0.05);
    }
}
