package roost.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import roost.api.Application;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;

/** {@code ./roost serve}: serve an existing data directory. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start Roost on the database in the data directory: HTTP API and Bolt, until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        RoostConfig config = options.load();
        Application app = Application.start(config, config.get(Setting.BOLT_PASSWORD));
        Console.printServing(app, null);
        Console.awaitShutdown(app);
        return 0;
    }
}
