package roost.procedures.realgraph;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import roost.procedures.config.ConfigReader;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.LiveGraph;
import roost.procedures.viewer.ViewerLoader;

/** {@code roost.realgraph.scores}: predicted interaction strength from a user to other accounts. */
public class RealGraphProcedures {
    static final String SCORES = "roost.realgraph.scores";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    public record Row(
            @Description("The other account") long userId,

            @Description("Predicted probability that the user interacts with the account in the next period")
            double score,

            @Description("Whether the user follows the account")
            boolean follows,

            @Description("The features behind the score, by name")
            Map<String, Object> features,

            @Description("Whether the model was trained on this database (false: the built-in prior)")
            boolean trained) {}

    @Procedure(name = SCORES, mode = Mode.READ)
    @Description("RealGraph: predicted interaction strength from a user to each account they follow or engaged "
            + "with, by a logistic model over decayed counts of follows, likes, retweets, replies, quotes, clicks, "
            + "profile clicks, video views, dwells and recency (features as of the newest engagement in the data). "
            + "The model is the one trained on this database's history (./roost realgraph --train), else a "
            + "built-in prior. Config: limit (100).")
    public Stream<Row> scores(
            @Name(value = "userId", description = "Id of the user") long userId,
            @Name(value = "config", description = "Optional settings: limit", defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(SCORES, config);
        int limit = r.intValue("limit", 100, 0, 1_000_000);
        r.done();
        ViewerLoader.requireUser(tx, userId);
        LiveGraph live = roost.liveGraph(db.databaseName());
        RealGraphScorer scorer =
                new RealGraphScorer(tx, live.follows(), RealGraphModel.load(tx), Weighers.now(live.engagements()));
        List<String> names = Features.names();
        return scorer.candidates(userId).stream()
                .sorted(Comparator.comparingDouble(RealGraphScorer.Score::score)
                        .reversed()
                        .thenComparingLong(RealGraphScorer.Score::userId))
                .limit(limit)
                .map(s -> {
                    Map<String, Object> features = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        features.put(names.get(i), s.features()[i]);
                    }
                    return new Row(
                            s.userId(),
                            s.score(),
                            s.features()[Features.FOLLOWS] > 0,
                            features,
                            scorer.model().trained());
                });
    }
}
