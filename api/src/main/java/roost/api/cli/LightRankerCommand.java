package roost.api.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import roost.api.config.RoostConfig;
import roost.api.db.EmbeddedNeo4j;

/** {@code ./roost lightranker --train}: fit Earlybird's light ranker on the data's own engagement history. */
@Command(
        name = "lightranker",
        mixinStandardHelpOptions = true,
        description = {
            "Train Earlybird's light ranker (logistic regression over recency, log engagement counts, author reputation,"
                    + " viewer-author interaction, link/media, reply, text length, language match) on the database's"
                    + " own history: candidates are followees' tweets in the window before T = newest tweet - label"
                    + " period, the label is an engagement after T (weighted reply 9, like/retweet/quote/profile click 1,"
                    + " click 0.3, dwell 0.1, video 0.01).",
            "Prints the held-out AUC beside the hand-set fallback's, and saves the weights (versioned) with the"
                    + " database when they are not worse; roost.earlybird.inNetwork picks them up."
        })
final class LightRankerCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "Train the model (the only action for now).")
    boolean train;

    @Option(
            names = "--max-viewers",
            paramLabel = "N",
            defaultValue = "5000",
            description = "Viewers sampled for examples. Default: ${DEFAULT-VALUE}.")
    int maxViewers;

    @Option(
            names = "--label-period-hours",
            paramLabel = "H",
            defaultValue = "24",
            description = "Label period. Default: ${DEFAULT-VALUE}.")
    long labelPeriodHours;

    @Option(
            names = "--window-hours",
            paramLabel = "H",
            defaultValue = "24",
            description = "Candidate window before T. Default: ${DEFAULT-VALUE}.")
    long windowHours;

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
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("maxViewers", maxViewers);
        cfg.put("labelPeriodHours", labelPeriodHours);
        cfg.put("windowHours", windowHours);
        cfg.put("seed", seed);
        cfg.put("save", !dryRun);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
            neo4j.db().executeTransactionally("CALL roost.lightranker.train($config)", Map.of("config", cfg), r -> {
                Map<String, Object> row = r.next();
                System.out.printf(
                        "Light ranker v%d: %,d viewers, %,d train / %,d test examples (%,d / %,d positive),"
                                + " held-out AUC %.4f (hand-set fallback %.4f), %d ms, %s%n",
                        row.get("version"),
                        row.get("viewers"),
                        row.get("trainExamples"),
                        row.get("testExamples"),
                        row.get("trainPositives"),
                        row.get("testPositives"),
                        row.get("auc"),
                        row.get("fallbackAuc"),
                        row.get("millis"),
                        (Boolean) row.get("saved")
                                ? "weights saved with the database"
                                : dryRun
                                        ? "not saved (--dry-run)"
                                        : "not saved: its held-out AUC is below the fallback's, which stays in use");
                @SuppressWarnings("unchecked")
                Map<String, Object> weights = (Map<String, Object>) row.get("weights");
                for (String name : roost.retrieval.earlybird.LightRanker.FEATURES) {
                    System.out.printf("  %-18s %+.4f%n", name, ((Number) weights.get(name)).doubleValue());
                }
                System.out.printf("  %-18s %+.4f%n", "bias", ((Number) weights.get("bias")).doubleValue());
                return null;
            });
        }
        return 0;
    }
}
