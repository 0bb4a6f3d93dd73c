package roost.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import roost.api.Application;
import roost.api.config.RoostConfig;
import roost.api.demo.DemoData;
import roost.importer.ConsoleProgress;

/** {@code ./roost demo}: everything on an embedded database with demo data. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start Roost on an embedded database with demo data.",
            "The first run generates a demo network (demo.users users, seed demo.seed) and imports it into the data"
                    + " directory; later runs on the same directory reuse it. The first start also detects communities (./roost communities) so"
                    + " that the graph has (:Community) nodes to explore. Without a configured Bolt password one is"
                    + " generated, kept in <data-dir>/roost.conf and printed."
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        RoostConfig config = options.load();
        DemoData.ensure(config, new ConsoleProgress());
        String password = DemoData.ensurePassword(config);
        Application app = Application.start(config, password);
        DemoData.ensureCommunities(app.neo4j().db(), new ConsoleProgress(""));
        Console.printServing(app, password);
        Console.printSamples(app, DemoData.sampleUsers(app.neo4j().db(), 2));
        Console.awaitShutdown(app);
        return 0;
    }
}
