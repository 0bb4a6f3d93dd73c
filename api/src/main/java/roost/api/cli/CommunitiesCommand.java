package roost.api.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import roost.api.communities.Communities;
import roost.api.config.RoostConfig;
import roost.api.db.EmbeddedNeo4j;
import roost.importer.ConsoleProgress;
import roost.procedures.communities.CommunityBatch;
import roost.procedures.communities.CommunityConfig;

/** {@code ./roost communities}: the whole community batch on the database of the data directory. */
@Command(
        name = "communities",
        mixinStandardHelpOptions = true,
        description = {
            "Detect communities (SimClusters-style) and write them to the graph: producer similarity from shared"
                    + " followers, communities with Graph Data Science (Leiden or Louvain), KnownFor, InterestedIn of every"
                    + " user, tweet community vectors, community names. Replaces the previous run, recording how each"
                    + " community relates to it.",
            "Batch settings are the config keys of roost.communities.detect (procedures/README.md), given as"
                    + " --batch key=value; --algorithm, --min-followers and --seed are shortcuts."
        })
final class CommunitiesCommand implements Callable<Integer> {
    @Option(names = "--algorithm", paramLabel = "NAME", description = "leiden or louvain. Default: leiden.")
    String algorithm;

    @Option(
            names = "--min-followers",
            paramLabel = "N",
            description = "Followers a user needs to be a producer. Default: 10.")
    Integer minFollowers;

    @Option(names = "--seed", paramLabel = "N", description = "Leiden's random seed. Default: 42.")
    Long seed;

    @Option(
            names = "--batch",
            paramLabel = "KEY=VALUE",
            description = "Any config key of roost.communities.detect (repeatable), e.g. --batch topNeighbours=30.")
    Map<String, String> batch = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Compute and report, but do not write to the graph.")
    boolean dryRun;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        RoostConfig config = options.load();
        CommunityBatch.Settings settings = CommunityConfig.detect("roost communities", settingsMap());
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openForBatch(config)) {
            CommunityBatch.Result r = Communities.run(neo4j.db(), settings, new ConsoleProgress(""));
            System.out.println(Communities.summary(r));
            System.out.println(
                    dryRun
                            ? "Not written (--dry-run)."
                            : "Written to the graph: (:Community), KNOWN_FOR,"
                                    + " INTERESTED_IN, interest and tweet vectors; see cypher/analyst-guide.cypher.");
        }
        return 0;
    }

    /** The --batch pairs with numbers and booleans parsed, plus the shortcuts. */
    Map<String, Object> settingsMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        batch.forEach((k, v) -> map.put(k, parse(v)));
        if (algorithm != null) {
            map.put("algorithm", algorithm);
        }
        if (minFollowers != null) {
            map.put("minFollowers", (long) minFollowers);
        }
        if (seed != null) {
            map.put("seed", seed);
        }
        if (dryRun) {
            map.put("write", false);
        }
        return map;
    }

    static Object parse(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException notNumber) {
                return v.contains(",") ? java.util.List.of(v.split(",")) : v;
            }
        }
    }
}
