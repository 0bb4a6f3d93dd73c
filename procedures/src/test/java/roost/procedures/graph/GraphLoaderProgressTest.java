package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.neo4j.logging.Log;

class GraphLoaderProgressTest {
    @Test
    void withoutATotalItCountsTheRows() {
        List<String> lines = new ArrayList<>();
        GraphLoader.Progress progress =
                new GraphLoader.Progress(recording(lines), "neo4j", "engagements", -1, 0, () -> 1_000_000_000L);
        for (int i = 0; i < 65_536; i++) {
            progress.row();
        }
        assertThat(lines).containsExactly("Roost live graph of 'neo4j': reading engagements, 65,536 rows so far (0 s)");
    }

    @Test
    void aLongReadLogsHowFarItHasGotAtMostOncePerInterval() {
        List<String> lines = new ArrayList<>();
        Log log = recording(lines);
        // A clock that moves 4 s each time it is read: every 65,536 rows.
        AtomicLong clock = new AtomicLong();
        GraphLoader.Progress progress = new GraphLoader.Progress(
                log, "neo4j", "follows", 400_000, 10_000_000_000L, () -> clock.getAndAdd(4_000_000_000L));
        for (int i = 0; i < 6 * 65_536; i++) {
            progress.row();
        }
        // Read at 4, 8, 12, 16, 20 and 24 s: logged at 12 s, then again 10 s later, at 24 s.
        assertThat(lines)
                .containsExactly(
                        "Roost live graph of 'neo4j': reading follows, 196,608 of 400,000 rows (49%, 12 s)",
                        "Roost live graph of 'neo4j': reading follows, 393,216 of 400,000 rows (98%, 24 s)");
    }

    /** A log that keeps its formatted info lines. */
    private static Log recording(List<String> lines) {
        return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, (p, m, a) -> {
            if (m.getName().equals("info") && a.length == 2 && a[1] instanceof Object[] arguments) {
                lines.add(String.format(Locale.ROOT, (String) a[0], arguments));
            }
            return m.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
    }
}
