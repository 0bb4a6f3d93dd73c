package roost.procedures.earlybird;

import java.time.Duration;
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
import roost.retrieval.earlybird.LightRanker;

/** {@code roost.lightranker.*}: train and inspect Earlybird's light ranker. */
public class LightRankerProcedures {
    static final String TRAIN = "roost.lightranker.train";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    public record TrainRow(
            @Description("Viewers sampled") long viewers,
            @Description("Training examples") long trainExamples,
            @Description("Held-out examples") long testExamples,
            @Description("Positive training examples") long trainPositives,
            @Description("Positive held-out examples") long testPositives,

            @Description("Held-out AUC of the trained model")
            double auc,

            @Description("Held-out AUC of the hand-set fallback on the same examples")
            double fallbackAuc,

            @Description("Version of the trained model") long version,

            @Description("Whether it was saved (only when its AUC is not below the fallback's)")
            boolean saved,

            @Description("Weights by feature, bias first") Map<String, Object> weights,
            @Description("Training time, ms") long millis) {}

    public record ModelRow(
            @Description("Version (0 = the hand-set fallback)")
            long version,

            @Description("Whether it was trained") boolean trained,
            @Description("Weights by feature, bias first") Map<String, Object> weights) {}

    @Procedure(name = TRAIN, mode = Mode.WRITE)
    @Description("Trains the light ranker on the database's own engagement history (see procedures/README.md) and"
            + " saves it, versioned, when its held-out AUC is not below the hand-set fallback's. Config: maxViewers"
            + " (5000), labelPeriodHours (24), windowHours (24), testFraction (0.2), l2 (1.0), seed (42), save (true).")
    public Stream<TrainRow> train(
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(TRAIN, config);
        LightRankerTraining.Options o = new LightRankerTraining.Options(
                Duration.ofHours(r.longValue("labelPeriodHours", 24, 1, 24 * 365)),
                Duration.ofHours(r.longValue("windowHours", 24, 1, 24 * 365)),
                r.intValue("maxViewers", 5_000, 1, 10_000_000),
                1_000,
                r.doubleValue("testFraction", 0.2, 0.05, 0.95),
                r.doubleValue("l2", 1.0, 0, 1e6),
                r.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                r.booleanValue("save", true));
        r.done();
        LightRankerTraining.TrainingResult t = LightRankerTraining.train(db, roost, o);
        if (t.shouldSave()) {
            LightRankerStore.save(tx, t.model(), t.auc(), System.currentTimeMillis());
        }
        return Stream.of(new TrainRow(
                t.viewers(),
                t.trainExamples(),
                t.testExamples(),
                t.trainPositives(),
                t.testPositives(),
                t.auc(),
                t.fallbackAuc(),
                t.model().version(),
                t.shouldSave(),
                Map.copyOf(t.model().namedWeights()),
                t.millis()));
    }

    @Procedure(name = "roost.lightranker.model", mode = Mode.READ)
    @Description("The light ranker in use: the saved trained model, or the hand-set fallback (version 0).")
    public Stream<ModelRow> model() {
        LightRanker m = LightRankerStore.load(tx);
        return Stream.of(new ModelRow(m.version(), m.trained(), Map.copyOf(m.namedWeights())));
    }
}
