package roost.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import roost.api.bench.ImportBenchmark;
import roost.api.config.RoostConfig;
import roost.api.db.DataLoading;
import roost.importer.ConsoleProgress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;

/** {@code ./roost bench}: benchmarks that print what they measured. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks, outside the test run. Each prints what it measured, with the machine's core count.",
        subcommands = {
            BenchCommand.Import.class,
            BenchCommand.Graph.class,
            BenchCommand.Loop.class,
            BenchCommand.Earlybird.class,
            BenchCommand.Timeline.class,
            BenchCommand.CommunitiesBench.class
        })
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The first line of every benchmark's report: what was measured, and on how many cores and how much heap. */
    static void header(String what) {
        System.out.printf(
                "%n%s, %d cores, max heap %d MiB%n%n",
                what,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Which users a latency benchmark samples, and how it warms up and loads the machine. */
    static final class Sampling {
        @Option(
                names = "--users",
                paramLabel = "N",
                defaultValue = "1000",
                description = "Users sampled (who follow someone). Default: ${DEFAULT-VALUE}.")
        int users;

        @Option(
                names = "--threads",
                paramLabel = "N",
                defaultValue = "2",
                description = "Threads for throughput. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(
                names = "--warmup",
                paramLabel = "N",
                defaultValue = "200",
                description = "Warm-up requests (bench graph: users other than the timed ones, cycled for"
                        + " --warmup-seconds). Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
        long seed;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import one data set into a fresh database once per load path, side by side in one run, and print"
                        + " relationships per second, nodes+relationships per second and the ratio to the slowest path.",
                "The data set is --csv DIR, or a network generated with --users and --seed (kept in the work directory"
                        + " and reused when it matches). A path that runs past --budget-seconds is stopped and what it"
                        + " committed by then is counted."
            })
    static final class Import implements Callable<Integer> {
        @Option(names = "--csv", paramLabel = "DIR", description = "A generic-CSV directory to import.")
        Path csv;

        @Option(
                names = "--users",
                paramLabel = "N",
                defaultValue = "1000000",
                description = "Users of the generated network. Default: ${DEFAULT-VALUE}.")
        int users;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "Seed of the generated network. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(
                names = "--modes",
                split = ",",
                paramLabel = "MODE",
                defaultValue = "bulk,transactional,cypher",
                description = "Load paths to run, in order. Default: ${DEFAULT-VALUE}.")
        List<DataLoading.Mode> modes;

        @Option(
                names = "--budget-seconds",
                paramLabel = "S",
                defaultValue = "600",
                description = "Longest time one path may run. Default: ${DEFAULT-VALUE}.")
        long budgetSeconds;

        @Option(
                names = "--work-dir",
                paramLabel = "DIR",
                description = "Where the data set and the databases go. Default: <data-dir>/bench.")
        Path workDir;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            RoostConfig config = options.load();
            Path work = workDir != null ? workDir : config.dataDir().resolve("bench");
            Files.createDirectories(work);
            ConsoleProgress progress = new ConsoleProgress();
            Path data = csv;
            if (data == null) {
                data = work.resolve("generated-" + users + "-" + seed);
                GeneratorConfig cfg =
                        GeneratorConfig.defaults().withUsers(users).withSeed(seed);
                if (!Files.isRegularFile(data.resolve(Generator.PROPERTIES))) {
                    new Generator().generate(cfg, data, progress);
                }
            }
            List<ImportBenchmark.Row> rows =
                    new ImportBenchmark(config, work, progress).run(data, modes, budgetSeconds);
            double slowest = rows.stream()
                    .mapToDouble(ImportBenchmark.Row::entitiesPerSecond)
                    .min()
                    .orElse(1);
            header("Import of " + data);
            System.out.println(
                    "| path | nodes | relationships | seconds | relationships/s | nodes+relationships/s | vs slowest | completed |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
            for (ImportBenchmark.Row r : rows) {
                System.out.printf(
                        "| %s | %,d | %,d | %.1f | %,.0f | %,.0f | %.1fx | %s |%n",
                        r.mode(),
                        r.nodes(),
                        r.relationships(),
                        r.seconds(),
                        r.relationshipsPerSecond(),
                        r.entitiesPerSecond(),
                        r.entitiesPerSecond() / slowest,
                        r.completed() ? "yes" : "stopped at the budget");
            }
            return 0;
        }
    }

    @Command(
            name = "graph",
            mixinStandardHelpOptions = true,
            description = {
                "Latency (p50/p99) and 2-thread throughput of Roost's social-graph procedures for sampled users of the"
                        + " database in the data directory, the plain-Cypher engagedByFollowings side by side as a ratio,"
                        + " ingest through the transaction listener (optional; writes and then deletes marked LIKED edges),"
                        + " and ingest straight into a separate in-memory index."
            })
    static final class Graph implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Sampling sampling;

        @Option(
                names = "--listener-edges",
                paramLabel = "N",
                defaultValue = "0",
                description = "Engagements written to time the listener path (0 = none). Default: ${DEFAULT-VALUE}.")
        int listenerEdges;

        @Option(
                names = "--direct-edges",
                paramLabel = "N",
                defaultValue = "2000000",
                description =
                        "Synthetic edges ingested straight into a separate index (0 = skip). Default: ${DEFAULT-VALUE}.")
        long directEdges;

        @Option(
                names = "--warmup-seconds",
                paramLabel = "N",
                defaultValue = "5",
                description = "Least seconds each call is warmed up for right before it is timed, cycling through"
                        + " the --warmup users (0 = one pass over them): the JIT compiles a short call's whole path"
                        + " only after tens of thousands of calls (on Higgs, engagedByFollowings took 102 us over"
                        + " its first 2 s of calls and 12 to 14 us after 4 s). Default: ${DEFAULT-VALUE}.")
        int warmupSeconds;

        @Option(
                names = "--throughput-seconds",
                paramLabel = "N",
                defaultValue = "3",
                description = "Least seconds each call's throughput is measured over, cycling through the users"
                        + " (0 = one pass over them). Default: ${DEFAULT-VALUE}.")
        int throughputSeconds;

        @Option(
                names = "--rounds",
                paramLabel = "N",
                defaultValue = "5",
                description = "Alternating rounds of engagedByFollowings and the same-answer MATCH, timed once per"
                        + " user each, after every call (0 = none); the ratio of their median p50s is the steadiest"
                        + " comparison. Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Mixin
        RowsOption rows;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            if (throughputSeconds < 0 || warmupSeconds < 0 || rounds < 0) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--throughput-seconds, --warmup-seconds and --rounds must be at least 0, were "
                                + throughputSeconds + ", " + warmupSeconds + " and " + rounds);
            }
            roost.procedures.bench.QueryRunner.Rows rowsRead = rows.parse(spec);
            RoostConfig config = options.load();
            try (roost.api.db.EmbeddedNeo4j neo4j = roost.api.db.EmbeddedNeo4j.openOffline(config)) {
                roost.procedures.bench.GraphBench.Report report = roost.procedures.bench.GraphBench.run(
                        neo4j.db(),
                        new roost.procedures.bench.GraphBench.Options(
                                sampling.users,
                                sampling.threads,
                                sampling.warmup,
                                java.time.Duration.ofSeconds(warmupSeconds),
                                sampling.seed,
                                listenerEdges,
                                1000,
                                directEdges,
                                java.time.Duration.ofSeconds(throughputSeconds),
                                rounds,
                                rowsRead));
                header("Social-graph benchmark on " + config.dataDir());
                System.out.println(report.toMarkdown());
            }
            return 0;
        }
    }

    @Command(
            name = "loop",
            mixinStandardHelpOptions = true,
            description = {
                "Cypher queries on the database in the data directory, each in a loop over sampled users (who"
                        + " follow someone) for a fixed time after an untimed warm-up, on one thread or several at once:"
                        + " calls, rows per call, p50 and p99, calls per second. Each call gets $userId (the users in"
                        + " turn) and $cutoff (the live window's start). The steadiest comparison of two builds on one"
                        + " call.",
                "Example: --query \"CALL roost.salsa.tweets($userId)\" --query \"CALL roost.version()\""
            })
    static final class Loop implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--query",
                paramLabel = "CYPHER",
                required = true,
                description = "A query to loop (repeat the option for more; they run one after the other).")
        List<String> queries;

        @Option(
                names = "--seconds",
                paramLabel = "N",
                defaultValue = "30",
                description = "Timed seconds per query. Default: ${DEFAULT-VALUE}.")
        int seconds;

        @Option(
                names = "--warmup-seconds",
                paramLabel = "N",
                defaultValue = "10",
                description = "Untimed seconds per query before it is timed. Default: ${DEFAULT-VALUE}.")
        int warmupSeconds;

        @Option(
                names = "--users",
                paramLabel = "N",
                defaultValue = "100000",
                description = "Users sampled. Default: ${DEFAULT-VALUE}.")
        int users;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(
                names = "--threads",
                paramLabel = "N",
                defaultValue = "1",
                description = "Threads looping at once, for throughput (calls/s). Default: ${DEFAULT-VALUE}.")
        int threads;

        @Mixin
        RowsOption rows;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            if (seconds < 1 || warmupSeconds < 0 || users < 1 || threads < 1) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "--seconds, --users and --threads must be at least 1, --warmup-seconds at least 0");
            }
            roost.procedures.bench.QueryRunner.Rows rowsRead = rows.parse(spec);
            RoostConfig config = options.load();
            try (roost.api.db.EmbeddedNeo4j neo4j = roost.api.db.EmbeddedNeo4j.openOffline(config)) {
                var results = roost.procedures.bench.QueryLoop.run(
                        neo4j.db(),
                        new roost.procedures.bench.QueryLoop.Options(
                                queries,
                                java.time.Duration.ofSeconds(warmupSeconds),
                                java.time.Duration.ofSeconds(seconds),
                                users,
                                seed,
                                threads,
                                rowsRead));
                header((threads == 1 ? "One-thread" : threads + "-thread") + " query loops on " + config.dataDir()
                        + ", " + seconds + " s each, rows read as " + rowsRead.label());
                System.out.println("| query | calls | rows/call | p50 us | p99 us | calls/s |\n"
                        + "|---|---:|---:|---:|---:|---:|");
                results.forEach(r -> System.out.println(r.toMarkdownRow()));
            }
            return 0;
        }
    }

    @Command(
            name = "earlybird",
            mixinStandardHelpOptions = true,
            description = {
                "Earlybird on the database in the data directory: in-network top-K latency (p50/p99) through"
                        + " roost.earlybird.inNetwork side by side with the plain Cypher query in the same run (ratio),"
                        + " for viewers following --followees accounts; bulk indexing throughput into a fresh index;"
                        + " freshness (commit to searchable); index bytes per tweet.",
                "Writes to the database: --viewers users marked benchViewer: true with their follows (created once,"
                        + " reused), and probe tweets for freshness (deleted afterwards)."
            })
    static final class Earlybird implements Callable<Integer> {
        @Option(
                names = "--viewers",
                paramLabel = "N",
                defaultValue = "50",
                description = "Bench viewers. Default: ${DEFAULT-VALUE}.")
        int viewers;

        @Option(
                names = "--followees",
                paramLabel = "N",
                defaultValue = "1000",
                description = "Accounts each bench viewer follows. Default: ${DEFAULT-VALUE}.")
        int followees;

        @Option(
                names = "--requests",
                paramLabel = "N",
                defaultValue = "500",
                description = "Timed requests per way. Default: ${DEFAULT-VALUE}.")
        int requests;

        @Option(
                names = "--warmup",
                paramLabel = "N",
                defaultValue = "100",
                description = "Warm-up requests per way. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(
                names = "--limit",
                paramLabel = "K",
                defaultValue = "600",
                description = "Tweets returned per request. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(
                names = "--freshness-writes",
                paramLabel = "N",
                defaultValue = "200",
                description = "Probe tweets for freshness (0 = skip). Default: ${DEFAULT-VALUE}.")
        int freshnessWrites;

        @Option(
                names = "--bulk-tweets",
                paramLabel = "N",
                defaultValue = "-1",
                description = "Tweets for the bulk-indexing run (-1 = all in the graph, 0 = skip)."
                        + " Default: ${DEFAULT-VALUE}.")
        long bulkTweets;

        @Option(
                names = "--bulk-threads",
                paramLabel = "N",
                defaultValue = "2",
                description = "Indexing threads of the bulk run. Default: ${DEFAULT-VALUE}.")
        int bulkThreads;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            RoostConfig config = options.load();
            Path work = config.dataDir().resolve("bench");
            Files.createDirectories(work);
            try (roost.api.db.EmbeddedNeo4j neo4j = roost.api.db.EmbeddedNeo4j.openOffline(config)) {
                roost.procedures.earlybird.EarlybirdBench.Report report = roost.procedures.earlybird.EarlybirdBench.run(
                        neo4j.db(),
                        new roost.procedures.earlybird.EarlybirdBench.Options(
                                viewers,
                                followees,
                                requests,
                                warmup,
                                limit,
                                freshnessWrites,
                                bulkTweets,
                                bulkThreads,
                                seed),
                        work);
                header("Earlybird benchmark on " + config.dataDir());
                System.out.println(report.toMarkdown());
            }
            return 0;
        }
    }

    @Command(
            name = "timeline",
            mixinStandardHelpOptions = true,
            description = {
                "Latency (p50/p99) and throughput of the home timeline for sampled users of the database in the data"
                        + " directory: the mixed timeline and the chronological baseline side by side, and each source's"
                        + " time inside the mixed timeline."
            })
    static final class Timeline implements Callable<Integer> {
        @Mixin
        Sampling sampling;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "50",
                description = "Items per page. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            RoostConfig config = options.load();
            try (roost.api.db.EmbeddedNeo4j neo4j = roost.api.db.EmbeddedNeo4j.openOffline(config)) {
                long t0 = System.nanoTime();
                neo4j.db().executeTransactionally("CALL roost.graph.stats()");
                System.out.printf("Live graph built in %d ms.%n", (System.nanoTime() - t0) / 1_000_000);
                roost.api.bench.TimelineBenchmark.Report report = roost.api.bench.TimelineBenchmark.run(
                        neo4j.db(),
                        new roost.api.bench.TimelineBenchmark.Options(
                                sampling.users, sampling.warmup, sampling.threads, sampling.seed, limit));
                header("Timeline benchmark on " + config.dataDir());
                System.out.println(report.toMarkdown());
            }
            return 0;
        }
    }

    @Command(
            name = "communities",
            mixinStandardHelpOptions = true,
            description = {
                "Run the whole community batch once per algorithm on the database in the data directory (the last run"
                        + " stays written) and print modularity, conductance, coverage, NMI/ARI of KnownFor against a"
                        + " generator's planted communities (--truth), and the time of each stage; then time live updates"
                        + " and roost.communities.similarTweets for sampled users."
            })
    static final class CommunitiesBench implements Callable<Integer> {
        @Option(
                names = "--algorithms",
                split = ",",
                paramLabel = "NAME",
                defaultValue = "louvain,leiden",
                description =
                        "Algorithms, in order; the last one's result stays in the graph. Default: ${DEFAULT-VALUE}.")
        List<String> algorithms;

        @Option(
                names = "--truth",
                paramLabel = "DIR",
                description = "A generator's output directory (truth-user-interests.csv) for NMI/ARI."
                        + " Default: <data-dir>/demo-csv when it exists.")
        Path truth;

        @Option(
                names = "--calls",
                paramLabel = "N",
                defaultValue = "2000",
                description = "Timed live updates and similarTweets calls, each (0 = skip). Default: ${DEFAULT-VALUE}.")
        int calls;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(
                names = "--batch",
                paramLabel = "KEY=VALUE",
                description = "Any config key of roost.communities.detect (repeatable).")
        java.util.Map<String, String> batch = new java.util.LinkedHashMap<>();

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            RoostConfig config = options.load();
            Path truthDir = truth;
            if (truthDir == null
                    && Files.isRegularFile(config.dataDir().resolve("demo-csv/truth-user-interests.csv"))) {
                truthDir = config.dataDir().resolve("demo-csv");
            }
            java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
            batch.forEach((k, v) -> settings.put(k, CommunitiesCommand.parse(v)));
            try (roost.api.db.EmbeddedNeo4j neo4j = roost.api.db.EmbeddedNeo4j.openForBatch(config)) {
                String report = new roost.api.bench.CommunityBenchmark(neo4j.db(), new ConsoleProgress(""))
                        .run(new roost.api.bench.CommunityBenchmark.Options(
                                algorithms, truthDir, calls, seed, settings));
                header("Community benchmark on " + config.dataDir() + (truthDir == null ? "" : ", truth " + truthDir));
                System.out.println(report);
            }
            return 0;
        }
    }

    /** {@code --rows}, shared by {@code bench graph} and {@code bench loop}. */
    static final class RowsOption {
        @Option(
                names = "--rows",
                paramLabel = "values|maps",
                defaultValue = "values",
                description = "How each timed call's rows are read: 'values', as the Bolt server reads them (Neo4j"
                        + " values from the query engine, no Java objects made), or 'maps', as an embedded application"
                        + " reads them (Result.next(), a Map of Java objects per row). bench graph runs its rounds"
                        + " both ways. Default: ${DEFAULT-VALUE}.")
        String rows;

        /** The option's value, or a usage error naming it. */
        roost.procedures.bench.QueryRunner.Rows parse(picocli.CommandLine.Model.CommandSpec spec) {
            try {
                return roost.procedures.bench.QueryRunner.Rows.parse(rows);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
        }
    }
}
