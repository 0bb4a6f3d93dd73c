package roost.procedures.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.logging.NullLog;

class RoostRuntimeComponentsTest {
    private final RoostRuntime runtime = new RoostRuntime(NullLog.getInstance(), Config.defaults(), () -> null);

    @Test
    void aLongBuildHoldsUpOnlyTheCallsForThatComponent() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch building = new CountDownLatch(1);
        CompletableFuture<String> slow =
                CompletableFuture.supplyAsync(() -> runtime.component("db", String.class, d -> {
                    building.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "slow";
                }));
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();
        // Another component of the same database is built and returned while the first one builds.
        assertThat(runtime.component("db", Integer.class, d -> 42)).isEqualTo(42);
        assertThat(runtime.componentNames("db")).containsExactly("Integer");
        // A second call for the building one waits for it and gets the same instance.
        AtomicInteger waitingStarted = new AtomicInteger();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                () -> {
                    waitingStarted.incrementAndGet();
                    return runtime.component("db", String.class, d -> "built twice");
                },
                threads);
        while (waitingStarted.get() == 0) {
            Thread.sleep(1);
        }
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat(runtime.componentNames("db")).containsExactly("Integer", "String");
        threads.shutdown();
    }

    @Test
    void aFailedBuildIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> runtime.component("db", String.class, d -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("the graph could not be read");
                }))
                .hasMessage("the graph could not be read");
        assertThat(runtime.componentNames("db")).isEmpty();
        assertThat(runtime.component("db", String.class, d -> {
                    attempts.incrementAndGet();
                    return "second try";
                }))
                .isEqualTo("second try");
        assertThat(attempts).hasValue(2);
    }
}
