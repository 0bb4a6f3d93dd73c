package roost.api.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import roost.api.Application;

/** What the long-running commands print, and how they wait for SIGTERM. */
final class Console {
    private Console() {}

    static void printServing(Application app, String password) {
        StringBuilder out = new StringBuilder();
        out.append("\nRoost is serving.\n");
        out.append("  HTTP API   ").append(app.httpUrl()).append("/api/v1/users\n");
        out.append("  Health     ").append(app.httpUrl()).append("/health\n");
        if (app.boltUrl() != null) {
            out.append("  Bolt       ").append(app.boltUrl()).append("   user neo4j");
            out.append(password != null ? ", password " + password : "").append('\n');
        }
        if (app.browserUrl() != null) {
            out.append("  Browser    ").append(app.browserUrl()).append('\n');
        }
        out.append("  Data       ").append(app.config().dataDir()).append('\n');
        System.out.print(out);
    }

    static void printSamples(Application app, List<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        System.out.println("\nTry:");
        for (String id : userIds) {
            System.out.println("  curl -s '" + app.httpUrl() + "/api/v1/timeline/" + id + "?limit=5'");
        }
        System.out.println("\nStop with Ctrl-C.");
    }

    /** Blocks until the JVM is asked to stop, then closes the application cleanly. */
    static void awaitShutdown(Application app) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                app.close();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "roost-shutdown"));
        stopped.await();
    }
}
