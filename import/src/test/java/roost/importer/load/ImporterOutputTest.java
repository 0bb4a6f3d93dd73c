package roost.importer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import roost.importer.Progress;

class ImporterOutputTest {

    /** Records what the importer's output turns into: task names, positions, closes. */
    private static final class Recorder implements Progress {
        final List<String> events = new ArrayList<>();

        @Override
        public Task start(String name, long total) {
            events.add("start " + name + " " + total);
            return new Task() {
                @Override
                public void step(long n) {
                    events.add("step " + n);
                }

                @Override
                public void stepTo(long done) {
                    events.add("at " + done);
                }

                @Override
                public void close() {
                    events.add("close");
                }
            };
        }
    }

    @Test
    void stagesBecomeTasksAndPercentagesTheirPosition() {
        Recorder recorder = new Recorder();
        ImporterOutput output = new ImporterOutput(LoggerFactory.getLogger(ImporterOutputTest.class), recorder);
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            out.print("Import starting 2026-11-25 01:23:11.000+0000\n");
            out.print("(1/4) Node import 2026-11-25 01:23:11.981+0000\n");
            out.print("  Estimated required memory usage: 1020MiB\n");
            out.print("-......... .......... .......... .......... ..........   5% ∆285ms [285ms]\n");
            out.print(".......... .......... .......... .......... .......... 100% ∆0ms [286ms]\n");
            out.print("Node import COMPLETED in 287ms\n");
            out.print("(2/4) Relationship import 2026-11-25 01:23:12.500+0000\n");
            out.print("Relationships, started 2026-11-25 01:56:28.633+0000\n");
            out.print("Done in 481ms\n");
            out.print("IMPORT DONE in 1s 189ms.");
            assertThat(output.tail()).endsWith("Done in 481ms\nIMPORT DONE in 1s 189ms.");
        }
        assertThat(recorder.events)
                .containsExactly(
                        "start neo4j import 1/4 Node import (%) 100",
                        "at 5",
                        "at 100",
                        "close",
                        "start neo4j import 2/4 Relationship import (%) 100",
                        "close",
                        "start neo4j import Relationships -1",
                        "close");
    }
}
