package roost.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.logging.NullLog;

class RoostUserLogTest {
    @Test
    void formatsAsNeo4jDoesAndNeverThrowsOnABadPattern() {
        assertThat(RoostUserLog.format("%s: %,d rows (%d%%)", "follows", 1234567L, 12))
                .isEqualTo("follows: 1,234,567 rows (12%)");
        // A pattern that does not fit its arguments is kept as given, with the arguments.
        assertThat(RoostUserLog.format("%d rows", "many")).isEqualTo("%d rows [many]");
        assertThat(RoostUserLog.format("100% done")).isEqualTo("100% done []");
    }

    @Test
    void onlyRoostsOwnLoggersAreForwarded() {
        RoostUserLog logs = new RoostUserLog();
        assertThat(logs.getLog("org.neo4j.kernel.Something")).isSameAs(NullLog.getInstance());
        assertThat(logs.getLog(RoostUserLog.class)).isNotSameAs(NullLog.getInstance());
    }
}
