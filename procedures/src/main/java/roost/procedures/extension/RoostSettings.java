package roost.procedures.extension;

import static org.neo4j.configuration.SettingConstraints.range;
import static org.neo4j.configuration.SettingValueParsers.DURATION;

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

    @Description("Time span of one bucket of segments in the live engagement graph, 1m to the window. "
            + "Longer spans mean fewer segments per lookup and coarser memory reclamation.")
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
}
