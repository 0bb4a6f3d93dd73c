package roost.api.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import roost.api.config.RoostConfig;
import roost.api.db.EmbeddedNeo4j;
import roost.importer.ConsoleProgress;
import roost.model.RoostException;
import roost.procedures.realgraph.RealGraphTrainer;

/** {@code ./roost realgraph --train}: fit the RealGraph interaction model on the data's own history. */
@Command(
        name = "realgraph",
        mixinStandardHelpOptions = true,
        description = {
            "Train RealGraph, the model of how strongly a user will interact with another, on the database's own history:"
                    + " features (decayed counts of follows, likes, retweets, replies, clicks, profile clicks; recency) as of"
                    + " T = newest engagement - label period; label = an interaction after T.",
            "Prints the held-out AUC beside the built-in prior's, and saves the weights with the database, where"
                    + " roost.realgraph.scores and the weighted procedures pick them up."
        })
final class RealGraphCommand implements Callable<Integer> {
    @Option(
            names = "--train",
            required = true,
            description = "Train the model and report its held-out AUC (required: the command's one action).")
    boolean train;

    @Option(
            names = "--label-period-hours",
            paramLabel = "H",
            defaultValue = "24",
            description = "Label period. Default: ${DEFAULT-VALUE}.")
    long labelPeriodHours;

    @Option(
            names = "--half-life-hours",
            paramLabel = "H",
            defaultValue = "168",
            description = "Decay half-life of the counts. Default: ${DEFAULT-VALUE}.")
    long halfLifeHours;

    @Option(
            names = "--max-users",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Users sampled for examples. Default: ${DEFAULT-VALUE}.")
    int maxUsers;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Sampling and split seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dry-run", description = "Train and report, but do not save the weights.")
    boolean dryRun;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        RoostConfig config = options.load();
        RealGraphTrainer.Options d = RealGraphTrainer.Options.DEFAULT;
        RealGraphTrainer.Options opts = new RealGraphTrainer.Options(
                Duration.ofHours(labelPeriodHours),
                Duration.ofHours(halfLifeHours),
                maxUsers,
                d.maxExamples(),
                d.testFraction(),
                d.l2(),
                seed,
                !dryRun);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
            RealGraphTrainer.TrainingResult r = RealGraphTrainer.train(
                    neo4j.db(), opts, roost.api.communities.Communities.adapt(new ConsoleProgress("")));
            if (r.testExamples() == 0) {
                throw new RoostException("no held-out examples: the database has too little engagement history");
            }
            System.out.printf(
                    "RealGraph: %,d users, %,d train / %,d test examples (%,d / %,d positive), held-out AUC %.4f"
                            + " (built-in prior %.4f), %d ms, %s%n",
                    r.users(),
                    r.trainExamples(),
                    r.testExamples(),
                    r.trainPositives(),
                    r.testPositives(),
                    r.auc(),
                    r.priorAuc(),
                    r.millis(),
                    r.saved()
                            ? "weights saved with the database"
                            : dryRun
                                    ? "not saved (--dry-run)"
                                    : "not saved: its held-out AUC is below the prior's, which stays in use");
            for (Map.Entry<String, Double> w : r.weights().entrySet()) {
                System.out.printf("  %-24s %+.4f%n", w.getKey(), w.getValue());
            }
        }
        return 0;
    }
}
