package roost.api.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import roost.importer.ConsoleProgress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.importer.generate.GeneratorResult;

/** {@code ./roost generate}: a synthetic network in the generic CSV format, with its ground truth. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        defaultValueProvider = GenerateCommand.Defaults.class,
        description = {
            "Write a synthetic network in Roost's generic CSV format: a power-law follower graph with planted"
                    + " communities, tweets with text from per-community vocabularies, engagements of every type from a"
                    + " latent-interest model over time, and negative signals.",
            "Deterministic for a seed: the same options give byte-identical files. Ground truth (each user's true"
                    + " interests, each tweet's community) goes to truth-*.csv beside the data. Load the result with"
                    + " ./roost import --format csv DIR."
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (created; files in it are replaced).")
    Path out;

    @Option(names = "--users", paramLabel = "N", description = "Users. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(
            names = "--avg-follows",
            paramLabel = "X",
            description = "Mean accounts followed per user. Default: ${DEFAULT-VALUE}.")
    double avgFollows;

    @Option(names = "--communities", paramLabel = "N", description = "Planted communities. Default: ${DEFAULT-VALUE}.")
    int communities;

    @Option(
            names = "--tweets-per-user",
            paramLabel = "X",
            description = "Mean tweets per user. Default: ${DEFAULT-VALUE}.")
    double tweetsPerUser;

    @Option(
            names = "--engagements-per-user",
            paramLabel = "X",
            description = "Mean engagements per user. Default: ${DEFAULT-VALUE}.")
    double engagementsPerUser;

    @Option(
            names = "--negatives-per-user",
            paramLabel = "X",
            description = "Mean negative signals per user. Default: ${DEFAULT-VALUE}.")
    double negativesPerUser;

    @Option(names = "--days", paramLabel = "N", description = "Days of history. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "Start of the history (ISO-8601). Default: ${DEFAULT-VALUE}.")
    Instant start;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        GeneratorConfig cfg = GeneratorConfig.defaults()
                .withUsers(users)
                .withAvgFollows(avgFollows)
                .withCommunities(communities)
                .withTweetsPerUser(tweetsPerUser)
                .withEngagementsPerUser(engagementsPerUser)
                .withNegativesPerUser(negativesPerUser)
                .withDays(days)
                .withStart(start)
                .withSeed(seed);
        GeneratorResult result = new Generator().generate(cfg, out, new ConsoleProgress());
        System.out.printf(
                "Wrote %,d users, %,d follows, %,d tweets, %,d engagements, %,d negative signals (%,d relationships) to %s in %.1f s%n",
                result.users(),
                result.follows(),
                result.tweets(),
                result.engagementCount(),
                result.userSignals() + result.tweetSignals(),
                result.relationships(),
                result.dir(),
                result.seconds());
        return 0;
    }

    /** Defaults come from {@link GeneratorConfig#defaults()}: one place. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        private static final Map<String, String> BY_OPTION = Map.of(
                "--users", "users",
                "--avg-follows", "avgFollows",
                "--communities", "communities",
                "--tweets-per-user", "tweetsPerUser",
                "--engagements-per-user", "engagementsPerUser",
                "--negatives-per-user", "negativesPerUser",
                "--days", "days",
                "--start", "start",
                "--seed", "seed");

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            if (argSpec instanceof CommandLine.Model.OptionSpec option) {
                String field = BY_OPTION.get(option.longestName());
                return field == null ? null : GeneratorConfig.defaults().asMap().get(field);
            }
            return null;
        }
    }
}
