package roost.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import roost.api.config.RoostConfig;
import roost.api.eval.EvalPlots;
import roost.api.eval.EvalReport;
import roost.api.eval.EvalSettings;
import roost.api.eval.Evaluation;
import roost.importer.ConsoleProgress;
import roost.importer.higgs.HiggsConverter;
import roost.importer.higgs.HiggsOptions;
import roost.model.Rel;

/** {@code ./roost eval}: offline evaluation of the timeline and its sources against what users did next. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Offline evaluation. Splits a data set at --split, bulk-loads what happened before it into a fresh database,"
                    + " asks every method for each sampled viewer's ranking from that state, and scores the rankings"
                    + " against the viewer's engagements after the split: recall, NDCG and hit rate at tweet and at"
                    + " author level, authors and communities per page, in-network share, author coverage.",
            "Methods: random, popular (most engaged in the window), chronological (followees' newest), each candidate"
                    + " source alone (engaged-by-followings, salsa-tweets), the pipeline (the timeline service), and on"
                    + " generated data the ranking its ground truth implies.",
            "Writes report.md and PNG plots to --out and prints the report."
        })
final class EvalCommand implements Callable<Integer> {
    enum Format {
        csv,
        higgs
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description =
                    "The data set: a generic-CSV directory (--format csv) or the SNAP Higgs files (--format higgs).")
    Path data;

    @Option(
            names = "--split",
            required = true,
            paramLabel = "TIME",
            description =
                    "The split time: an ISO-8601 instant (2012-07-05T00:00:00Z), a date (2012-07-05, midnight UTC)"
                            + " or epoch milliseconds.")
    String split;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "csv",
            description = "csv (Roost's generic format) or higgs (converted to the generic format first, with the"
                    + " import command's defaults). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(
            names = "--viewers",
            paramLabel = "N",
            defaultValue = "2000",
            description =
                    "Viewers sampled among the users active before and after the split. Default: ${DEFAULT-VALUE}.")
    int viewers;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the viewer sample and of the random baseline. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--horizon",
            paramLabel = "DURATION",
            description = "Count as targets only the engagements within this long after the split (48h, 3d, PT12H)."
                    + " Default: to the end of the data.")
    String horizon;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            defaultValue = "48h",
            description = "The window before the split in which 'popular' counts engagements and 'random' draws tweets."
                    + " Default: ${DEFAULT-VALUE}.")
    String window;

    @Option(
            names = "--k",
            split = ",",
            paramLabel = "K",
            defaultValue = "10,50,200",
            description = "Cut-offs. Default: ${DEFAULT-VALUE}.")
    List<Integer> ks;

    @Option(
            names = "--target-types",
            split = ",",
            paramLabel = "TYPE",
            description = "Engagement types that count as targets. Default: all (LIKED, RETWEETED, REPLIED, QUOTED,"
                    + " CLICKED, PROFILE_CLICKED, VIDEO_VIEWED, DWELLED).")
    List<String> targetTypes;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/eval",
            description = "Where report.md and the plots go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "An empty directory for the pre-split CSV and database, kept after the run."
                    + " Default: a temporary directory, deleted after the run.")
    Path workDir;

    @Option(
            names = "--only-following",
            description = "Sample only viewers who followed at least one account at the split (on data with a partial"
                    + " follow graph, such as Higgs, the in-network methods have nothing to show to the others).")
    boolean onlyFollowing;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description =
                    "A setting of the database the evaluation opens (for example neo4j.pagecache=1g); repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--variant",
            paramLabel = "NAME=PARAMS",
            description =
                    "Also evaluate the pipeline with other mixing options, as method pipeline:NAME. PARAMS are the"
                            + " timeline's query parameters, e.g. --variant in80='inNetworkShare=0.8&outOfNetworkScale=0.5'"
                            + " (see the README's timeline section); repeatable.")
    Map<String, String> variants = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        long splitMillis = parseTime("--split", split);
        long windowMillis = parseDuration("--window", window).toMillis();
        long horizonEnd = horizon == null
                ? Long.MAX_VALUE
                : splitMillis + parseDuration("--horizon", horizon).toMillis();
        int[] cutoffs =
                ks.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        if (cutoffs.length == 0 || cutoffs[0] < 1 || cutoffs[cutoffs.length - 1] > 1000) {
            throw bad("--k " + ks + ": every cut-off must be between 1 and 1000");
        }
        Map<String, roost.api.timeline.MixOptions> mixes = new LinkedHashMap<>();
        for (var v : variants.entrySet()) {
            mixes.put(v.getKey(), variant(v.getKey(), v.getValue()));
        }
        if (viewers < 1) {
            throw bad("--viewers " + viewers + ": must be at least 1");
        }
        if (!Files.isDirectory(data)) {
            throw bad("--data " + data + " is not a directory");
        }
        Set<Rel> types = targetTypes(targetTypes);
        RoostConfig config = RoostConfig.load(null, System.getenv(), settings);
        ConsoleProgress progress = new ConsoleProgress();
        Path csv = data;
        Path converted = null;
        if (format == Format.higgs) {
            converted = Files.createTempDirectory("roost-eval-higgs-");
            csv = converted.resolve("csv");
            new HiggsConverter().convert(data, csv, HiggsOptions.defaults(), progress);
        }
        try {
            EvalSettings s = new EvalSettings(
                    csv,
                    splitMillis,
                    horizonEnd,
                    windowMillis,
                    viewers,
                    seed,
                    cutoffs,
                    types,
                    out,
                    workDir,
                    onlyFollowing);
            Evaluation.Result result = new Evaluation(config, progress)
                    .run(s, (split, db) -> roost.api.eval.Methods.standard(split, db, seed, mixes));
            Files.createDirectories(out);
            // The parse result's original arguments start with the subcommand's name.
            String command = "./roost "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            String source = format == Format.higgs ? data.toString() : null;
            String report = EvalReport.markdown(result, command, source);
            Files.writeString(out.resolve("report.md"), report);
            List<Path> plots = EvalPlots.write(result, out);
            System.out.println();
            System.out.println(report);
            System.out.println("Wrote " + out.resolve("report.md") + " and " + plots.size() + " plots: "
                    + plots.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
            return 0;
        } finally {
            if (converted != null) {
                deleteTree(converted);
            }
        }
    }

    private roost.api.timeline.MixOptions variant(String name, String params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw bad("--variant " + name + ": '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq);
            if (!roost.api.timeline.MixOptions.PARAMETERS.contains(key)) {
                throw bad("--variant " + name + ": unknown parameter '" + key + "'; known: "
                        + String.join(", ", roost.api.timeline.MixOptions.PARAMETERS));
            }
            map.put(key, pair.substring(eq + 1));
        }
        try {
            return roost.api.timeline.MixOptions.parse(map::get);
        } catch (roost.model.RoostException.InvalidArgument e) {
            throw bad("--variant " + name + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    long parseTime(String option, String value) {
        try {
            if (value.matches("-?\\d+")) {
                return Long.parseLong(value);
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            }
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw bad(option + " '" + value + "' is not a time: give an ISO-8601 instant (2012-07-05T00:00:00Z),"
                    + " a date (2012-07-05) or epoch milliseconds");
        }
    }

    Duration parseDuration(String option, String value) {
        try {
            String v = value.trim().toLowerCase(Locale.ROOT);
            Duration d;
            if (v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.matches("\\d+[dhm]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                d = switch (v.charAt(v.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                throw new DateTimeParseException("", value, 0);
            }
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("", value, 0);
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(option + " '" + value + "' is not a positive duration: give 48h, 3d, 90m or ISO-8601 (PT48H)");
        }
    }

    private Set<Rel> targetTypes(List<String> names) {
        EnumSet<Rel> all = EnumSet.noneOf(Rel.class);
        for (Rel r : Rel.values()) {
            if (r.kind() == Rel.Kind.ENGAGEMENT) {
                all.add(r);
            }
        }
        if (names == null || names.isEmpty()) {
            return all;
        }
        EnumSet<Rel> chosen = EnumSet.noneOf(Rel.class);
        for (String n : names) {
            Rel r = all.stream()
                    .filter(t -> t.name().equalsIgnoreCase(n.trim()))
                    .findFirst()
                    .orElseThrow(
                            () -> bad("--target-types: '" + n + "' is not an engagement type, expected one of " + all));
            chosen.add(r);
        }
        return chosen;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
