package roost.importer;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@link Progress} drawn as a progress bar on the console (rate and, when the total is known, the
 * time left). One bar per task; bars are closed with their task. Not thread-safe: one import at a time.
 */
public final class ConsoleProgress implements Progress {
    private final String unit;

    /** @param unit shown after counts, e.g. {@code " rows"} */
    public ConsoleProgress(String unit) {
        this.unit = unit;
    }

    public ConsoleProgress() {
        this(" rows");
    }

    @Override
    public Task start(String name, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .build();
        return new Task() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
