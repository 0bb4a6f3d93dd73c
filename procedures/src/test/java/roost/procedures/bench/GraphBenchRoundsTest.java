package roost.procedures.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GraphBenchRoundsTest {
    @Test
    void theRatioIsOfTheMediansAndOneDisturbedRoundDoesNotMoveIt() {
        // The second round's procedure pass was disturbed (60 us instead of about 30).
        var rounds =
                new GraphBench.Rounds(QueryRunner.Rows.VALUES, new double[] {30, 60, 32}, new double[] {600, 700, 640});
        assertThat(rounds.speedup()).isCloseTo(640.0 / 32, within(1e-9));
        assertThat(rounds.roundSpeedups()).containsExactly(700.0 / 60, 20.0, 20.0);
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMiddleTwo() {
        var rounds = new GraphBench.Rounds(
                QueryRunner.Rows.VALUES, new double[] {40, 20, 30, 10}, new double[] {100, 100, 100, 100});
        assertThat(rounds.speedup()).isCloseTo(100.0 / 25, within(1e-9));
    }
}
