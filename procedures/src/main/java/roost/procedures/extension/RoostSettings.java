package roost.procedures.extension;

import static org.neo4j.configuration.SettingConstraints.range;
import static org.neo4j.configuration.SettingValueParsers.BOOL;
import static org.neo4j.configuration.SettingValueParsers.DURATION;
import static org.neo4j.configuration.SettingValueParsers.PATH;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingBuilder;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;
import roost.procedures.graph.EngagementGraph;

/**
 * Roost's Neo4j settings, declared to Neo4j through {@code META-INF/services}, so they can be given
 * in {@code neo4j.conf} of a server or with {@code DatabaseManagementServiceBuilder.setConfig}
 * when embedded, and are validated at start.
 */
public final class RoostSettings implements SettingsDeclaration {
    @Description("How far back from the newest engagement in the data the live engagement graph keeps edges "
            + "(data time, not the wall clock), 1m to 10d.")
    public static final Setting<Duration> LIVE_GRAPH_WINDOW = SettingBuilder.newBuilder(
                    "dbms.roost.live_graph.window", DURATION, EngagementGraph.Settings.DEFAULT.window())
            .addConstraint(range(Duration.ofMinutes(1), EngagementGraph.Settings.MAX_WINDOW))
            .build();

    @Description("Time span of one bucket of segments in the live engagement graph, 1m to 10d; a span longer "
            + "than the window is taken as the window. Longer spans mean fewer segments per lookup and coarser "
            + "memory reclamation.")
    public static final Setting<Duration> LIVE_GRAPH_SEGMENT_SPAN = SettingBuilder.newBuilder(
                    "dbms.roost.live_graph.segment_span", DURATION, EngagementGraph.Settings.DEFAULT.segmentSpan())
            .addConstraint(range(Duration.ofMinutes(1), EngagementGraph.Settings.MAX_WINDOW))
            .build();

    @Description("Longest time the live graph's writer applies committed changes before it publishes them "
            + "to readers, 1ms to 1s.")
    public static final Setting<Duration> LIVE_GRAPH_PUBLISH_INTERVAL = SettingBuilder.newBuilder(
                    "dbms.roost.live_graph.publish_interval", DURATION, Duration.ofMillis(100))
            .addConstraint(range(Duration.ofMillis(1), Duration.ofSeconds(1)))
            .build();

    @Description("Build each user database's live graph and open its Earlybird index in the background as soon "
            + "as the database is available, rather than in the first call that needs them (which waits for the "
            + "build: minutes on a large graph). The embedded application turns this off: it builds both before it "
            + "serves, and its offline commands need neither.")
    public static final Setting<Boolean> LOAD_AT_START =
            SettingBuilder.newBuilder("dbms.roost.load_at_start", BOOL, true).build();

    @Description("Directory of the Earlybird tweet index of each database: <directory>/<database>. "
            + "Default: <neo4j home>/data/earlybird. A relative path is taken from the Neo4j home.")
    public static final Setting<Path> EARLYBIRD_DIRECTORY = SettingBuilder.newBuilder(
                    "dbms.roost.earlybird.directory", PATH, null)
            .build();

    @Description("How much data time the Earlybird index keeps: tweets older than the newest indexed one minus "
            + "this are dropped, 1h to 365d.")
    public static final Setting<Duration> EARLYBIRD_RETENTION = SettingBuilder.newBuilder(
                    "dbms.roost.earlybird.retention", DURATION, Duration.ofDays(7))
            .addConstraint(range(Duration.ofHours(1), Duration.ofDays(365)))
            .build();

    @Description("Longest time before a committed tweet or count is searchable in the Earlybird index "
            + "(the reopen thread's target), 10ms to 10s.")
    public static final Setting<Duration> EARLYBIRD_MAX_STALE = SettingBuilder.newBuilder(
                    "dbms.roost.earlybird.max_stale", DURATION, Duration.ofMillis(500))
            .addConstraint(range(Duration.ofMillis(10), Duration.ofSeconds(10)))
            .build();

    @Description("How often the Earlybird writer commits the index with its position (what a crash can lose, "
            + "and catch-up re-reads), 100ms to 1h.")
    public static final Setting<Duration> EARLYBIRD_COMMIT_INTERVAL = SettingBuilder.newBuilder(
                    "dbms.roost.earlybird.commit_interval", DURATION, Duration.ofSeconds(5))
            .addConstraint(range(Duration.ofMillis(100), Duration.ofHours(1)))
            .build();

    @Description("How far before the recorded position the Earlybird catch-up re-reads tweets and engagements "
            + "(covers tweets whose createdAt is older than ones already indexed), 0s to 7d.")
    public static final Setting<Duration> EARLYBIRD_CATCH_UP_MARGIN = SettingBuilder.newBuilder(
                    "dbms.roost.earlybird.catch_up_margin", DURATION, Duration.ofHours(1))
            .addConstraint(range(Duration.ZERO, Duration.ofDays(7)))
            .build();
}
