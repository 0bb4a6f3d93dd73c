package roost.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.communities.Communities;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.db.DataLoading;
import roost.importer.Progress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.importer.load.ImportStats;
import roost.model.RoostException;
import roost.procedures.communities.CommunityBatch;

/**
 * The demo's data directory: a generated network, imported once. A second demo on the same
 * directory finds the marker file and neither regenerates nor re-imports.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Written after a successful import; its presence means "the demo data is loaded". */
    public static final String MARKER = "demo.properties";

    private DemoData() {}

    /** Generates and imports the demo network unless the data directory already holds it. */
    public static void ensure(RoostConfig config, Progress progress) {
        Path dataDir = config.dataDir();
        Path marker = dataDir.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            LOG.info("Demo data already loaded in {} ({}); reusing it", dataDir, marker.getFileName());
            return;
        }
        Path csvDir = dataDir.resolve("demo-csv");
        GeneratorConfig generator = GeneratorConfig.defaults()
                .withUsers(config.getInt(Setting.DEMO_USERS))
                .withSeed(config.getLong(Setting.DEMO_SEED));
        long t0 = System.nanoTime();
        LOG.info("Generating a demo network of {} users into {}", generator.users(), csvDir);
        new Generator().generate(generator, csvDir, progress);
        ImportStats stats = DataLoading.load(config, csvDir, DataLoading.Mode.bulk, progress, true);
        Properties p = new Properties();
        p.setProperty("users", String.valueOf(generator.users()));
        p.setProperty("seed", String.valueOf(generator.seed()));
        p.setProperty("nodes", String.valueOf(stats.nodes()));
        p.setProperty("relationships", String.valueOf(stats.relationships()));
        p.setProperty("loadedAt", Instant.now().toString());
        p.setProperty("seconds", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        write(marker, p, "Roost demo data: generated and imported");
        LOG.info("Demo data ready: {}", stats);
    }

    /**
     * Runs community detection once, on the first start over the demo data (or whenever no run has
     * been written yet), so that analysts find communities in the graph.
     */
    public static void ensureCommunities(GraphDatabaseService db, Progress progress) {
        if (Communities.present(db)) {
            LOG.info("Communities already detected; reusing them");
            return;
        }
        LOG.info("Detecting communities in the demo network (first start)");
        CommunityBatch.Result r = Communities.run(db, CommunityBatch.Settings.DEFAULT, progress);
        LOG.info("{}", Communities.summary(r));
    }

    /**
     * The Bolt password: the configured one, else one generated now and kept in the data
     * directory's config file (readable by the owner only), so the next start reuses it.
     *
     * @return the password, and whether it was generated now
     */
    public static String ensurePassword(RoostConfig config) {
        String configured = config.get(Setting.BOLT_PASSWORD);
        if (!configured.isEmpty()) {
            return configured;
        }
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            pw.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Path file = config.dataDir().resolve(RoostConfig.FILE_NAME);
        try {
            Files.createDirectories(config.dataDir());
            String line = Setting.BOLT_PASSWORD.key() + "=" + pw + "\n";
            if (Files.exists(file)) {
                Files.writeString(file, Files.readString(file) + line, StandardCharsets.UTF_8);
            } else {
                Files.writeString(file, "# Written by ./roost demo: the generated Bolt password.\n" + line);
                restrictToOwner(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return pw.toString();
    }

    /** Ids of users worth showing: who follow enough accounts for a full timeline, lowest ids first. */
    public static List<String> sampleUsers(GraphDatabaseService db, int count) {
        return db.executeTransactionally(
                """
                MATCH (u:User)-[:FOLLOWS]->(f:User)
                WITH u, count(f) AS following WHERE following >= 20
                MATCH (u)-[:FOLLOWS]->(:User)-[:POSTED]->(:Tweet)
                WITH DISTINCT u ORDER BY u.id LIMIT $count
                RETURN u.id AS id
                """,
                Map.of("count", count),
                r -> r.stream().map(row -> String.valueOf(row.get("id"))).toList());
    }

    private static void write(Path file, Properties p, String comment) {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            throw new RoostException("cannot restrict the permissions of " + file + ": " + e.getMessage(), e);
        }
    }
}
