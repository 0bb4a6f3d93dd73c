package roost.procedures.network;

import static org.neo4j.internal.kernel.api.procs.Neo4jTypes.NTFloat;
import static org.neo4j.internal.kernel.api.procs.Neo4jTypes.NTInteger;
import static org.neo4j.internal.kernel.api.procs.Neo4jTypes.NTList;
import static org.neo4j.internal.kernel.api.procs.Neo4jTypes.NTMap;
import static org.neo4j.internal.kernel.api.procs.Neo4jTypes.NTString;

import java.util.List;
import java.util.Map;
import org.neo4j.collection.ResourceRawIterator;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.internal.kernel.api.procs.DefaultParameterValue;
import org.neo4j.internal.kernel.api.procs.ProcedureSignature;
import org.neo4j.internal.kernel.api.procs.QualifiedName;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.ResourceMonitor;
import org.neo4j.kernel.api.procedure.CallableProcedure;
import org.neo4j.kernel.api.procedure.Context;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.impl.ProcedureCompilation;
import org.neo4j.values.AnyValue;
import org.neo4j.values.storable.IntegralValue;
import org.neo4j.values.storable.Values;
import org.neo4j.values.virtual.ListValue;
import org.neo4j.values.virtual.MapValue;
import org.neo4j.values.virtual.VirtualValues;
import roost.model.RoostException;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.EdgeBuffer;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementSnapshot;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.LiveGraph;
import roost.procedures.realgraph.ViewerFollows;
import roost.procedures.walk.Guard;

/**
 * {@code roost.network.engagedByFollowings}: what the accounts a user follows engaged with, from
 * the live engagement graph (second-degree counting, {@link EngagedByFollowings}).
 *
 * <p>Unlike Roost's other procedures, this one is a kernel procedure ({@link CallableProcedure},
 * registered by the extension) rather than an {@code @Procedure} method: it hands Neo4j its rows
 * as Neo4j values, made straight from the counting's arrays. It is the timeline's hot call, and
 * its rows cost more than its work: through the annotated path, 50 rows of fixed content took
 * 27.9 and 28.6 us, against 25.1 and 25.1 us this way (one-thread loop, procedures/BENCHMARKS.md),
 * where the whole call took about 31 us on the 1M network, its rows read through {@code Result.next()}. The annotated path converts every row
 * field by field (two Java lists per row, each string encoded to UTF-8 and decoded again by the
 * caller) and injects four context fields per call. The signature, descriptions included, is the
 * one the annotated method had; {@code procedures.golden} and {@code EngagedByFollowingsProcedureIT}
 * hold it to that.
 *
 * <p>One instance serves every call, from any thread; each thread keeps its own counting state
 * between its calls ({@link #COUNTING}).
 */
public final class EngagedByFollowingsProcedure extends CallableProcedure.BasicProcedure {
    static final String NAME = "roost.network.engagedByFollowings";

    static final String DESCRIPTION = "Tweets the accounts a user follows engaged with in the live window "
            + "(second-degree counting, as the original timeline's social-graph source): each followee's most "
            + "recent engagements add the followee's weight (RealGraph score, or 1) to the tweet. Config: limit "
            + "(200), maxFollowees (1000), maxEngagementsPerFollowee (500), minSocialProof (1), maxSocialProof "
            + "(10), types (all engagement types), weights ('realgraph' | 'uniform'), excludeEngaged (true). The "
            + "user's own tweets and those of authors they blocked or muted are never returned.";

    private static final ProcedureSignature SIGNATURE = new ProcedureSignature.Builder(
                    new QualifiedName("roost", "network", "engagedByFollowings"))
            .mode(Mode.READ)
            .description(DESCRIPTION)
            .in("userId", NTInteger, "Id of the viewing user")
            .in(
                    "config",
                    NTMap,
                    DefaultParameterValue.ntMap(Map.of()),
                    "Optional settings, see the procedure description")
            .out("tweetId", NTInteger, "The tweet")
            .out("authorId", NTInteger, "Its author (null when unknown)")
            .out("score", NTFloat, "Sum of the weights of the followees who engaged with it")
            .out("socialProof", NTList(NTInteger), "Followees who engaged, heaviest first, at most maxSocialProof")
            .out("socialProofCount", NTInteger, "Number of followees who engaged")
            .out("engagementTypes", NTList(NTString), "Engagement types seen from them")
            .out("newestEngagement", NTInteger, "Newest of their engagements (epoch ms)")
            .build();

    /** {@code engagementTypes} of each type mask, made once: rows share them. */
    private static final ListValue[] TYPE_NAMES = typeNames();

    /**
     * Each thread's counting tables and cursor, kept between its calls: allocating and zeroing
     * them was a fifth of the procedure's own time on Higgs (JFR), where most answers are a few
     * rows. A thread keeps what its calls needed, but never more than 1 MB: larger tables and
     * scratch are let go after the call, whether it succeeded or failed (see {@link
     * EngagedByFollowings#KEEP} and {@link EngagementCursor#release()}).
     */
    private static final ThreadLocal<Counting> COUNTING = ThreadLocal.withInitial(Counting::new);

    private final RoostRuntime roost;

    public EngagedByFollowingsProcedure(RoostRuntime roost) {
        super(SIGNATURE);
        this.roost = roost;
    }

    @Override
    public ResourceRawIterator<AnyValue[], ProcedureException> apply(
            Context ctx, AnyValue[] input, ResourceMonitor resourceMonitor) throws ProcedureException {
        try {
            long userId = userId(input[0]);
            EngagedByFollowingsConfig c = EngagedByFollowingsConfig.parse(NAME, config(input, ctx));
            InternalTransaction tx = ctx.internalTransaction();
            KernelTransaction ktx = ctx.kernelTransaction();
            LiveGraph live = roost.liveGraph(ctx.graphDatabaseAPI().databaseName());
            var v = ViewerFollows.load(tx, live, userId, c.params().excludeEngaged(), c.weights(), c.maxFollowees());
            var result = Counting.run(v, c.params(), ktx::assertOpen);
            return rows(result.items());
        } catch (RuntimeException e) {
            // As Neo4j reports a failed @Procedure: an error with a status of its own (a terminated
            // transaction, a timeout) keeps it, and every Roost procedure's errors read the same.
            throw ProcedureCompilation.rethrowProcedureException(e, "procedure `" + NAME + "`");
        }
    }

    /** One thread's counting state; a call's rows are made from its result, not from this. */
    private static final class Counting {
        private final EngagedByFollowings algorithm = new EngagedByFollowings();
        private EngagementCursor cursor;

        /**
         * Counts on this thread's state. An {@link Error} (out of memory while an array grows) can
         * leave the algorithm's tables or the cursor's scratch half grown, so the thread's state
         * is then dropped: the next call starts from new.
         */
        static EngagedByFollowings.Result run(ViewerFollows v, EngagedByFollowings.Params params, Guard guard) {
            try {
                return COUNTING.get().count(v, params, guard);
            } catch (Error e) {
                COUNTING.remove();
                throw e;
            }
        }

        private EngagedByFollowings.Result count(ViewerFollows v, EngagedByFollowings.Params params, Guard guard) {
            try {
                EngagementSnapshot snapshot = v.engagements();
                cursor = cursor == null ? snapshot.cursor() : cursor.reset(snapshot);
                return algorithm.run(cursor, v.follows(), v.viewer(), params, guard);
            } finally {
                if (cursor != null) {
                    cursor.release();
                }
            }
        }
    }

    private static long userId(AnyValue value) {
        if (value instanceof IntegralValue id) {
            return id.longValue();
        }
        throw new RoostException.InvalidArgument(
                NAME + ": userId must be an integer, was " + (value == Values.NO_VALUE ? "null" : value));
    }

    /** The config map as Java values; absent or null is empty. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(AnyValue[] input, Context ctx) {
        if (input.length < 2 || !(input[1] instanceof MapValue map)) {
            return Map.of();
        }
        return (Map<String, Object>) map.map(ctx.valueMapper());
    }

    /** One row per item, made when Neo4j asks for it. */
    private static ResourceRawIterator<AnyValue[], ProcedureException> rows(List<EngagedByFollowings.Item> items) {
        return new ResourceRawIterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.size();
            }

            @Override
            public AnyValue[] next() {
                EngagedByFollowings.Item i = items.get(next++);
                return new AnyValue[] {
                    Values.longValue(i.tweetId()),
                    i.authorId() == EdgeBuffer.UNKNOWN_AUTHOR ? Values.NO_VALUE : Values.longValue(i.authorId()),
                    Values.doubleValue(i.score()),
                    VirtualValues.fromArray(Values.longArray(i.socialProof())),
                    Values.longValue(i.socialProofCount()),
                    TYPE_NAMES[i.typeMask()],
                    Values.longValue(i.newestEngagement())
                };
            }

            @Override
            public void close() {}
        };
    }

    private static ListValue[] typeNames() {
        ListValue[] out = new ListValue[1 << EngagementTypes.count()];
        for (int mask = 0; mask < out.length; mask++) {
            List<String> names = EngagementTypes.names(mask);
            AnyValue[] values = new AnyValue[names.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = Values.stringValue(names.get(k));
            }
            out[mask] = VirtualValues.list(values);
        }
        return out;
    }
}
