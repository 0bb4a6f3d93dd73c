package roost.procedures;

import java.util.List;
import org.neo4j.configuration.Config;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.impl.ProcedureConfig;
import roost.procedures.communities.CommunityProcedures;
import roost.procedures.earlybird.EarlybirdProcedures;
import roost.procedures.earlybird.LightRankerProcedures;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.LiveGraphProcedure;
import roost.procedures.network.EngagedByFollowingsProcedure;
import roost.procedures.realgraph.RealGraphProcedures;
import roost.procedures.salsa.SalsaProcedures;
import roost.procedures.trust.TrustProcedures;
import roost.procedures.version.VersionProcedure;
import roost.procedures.whotofollow.WhoToFollowProcedures;

/** The classes that hold Roost's procedures and functions: one list, used by every registration path. */
public final class RoostProcedures {
    public static final List<Class<?>> PROCEDURE_CLASSES = List.of(
            VersionProcedure.class,
            LiveGraphProcedure.class,
            CommunityProcedures.class,
            RealGraphProcedures.class,
            SalsaProcedures.class,
            TrustProcedures.class,
            WhoToFollowProcedures.class,
            EarlybirdProcedures.class,
            LightRankerProcedures.class);
    public static final List<Class<?>> FUNCTION_CLASSES = List.of();

    /**
     * Registers Roost's kernel procedures (those not written as {@code @Procedure} methods; see
     * {@link EngagedByFollowingsProcedure} for why). The extension calls this in every DBMS, embedded
     * or server, when it starts: they need its {@link RoostRuntime}, and a server does not find them
     * in the jar. As for any procedure, one that {@code dbms.security.procedures.allowlist} leaves
     * out is not registered.
     */
    public static void registerKernelProcedures(GlobalProcedures procedures, RoostRuntime runtime, Config config) {
        ProcedureConfig allowed = new ProcedureConfig(config);
        try {
            var engaged = new EngagedByFollowingsProcedure(runtime);
            if (allowed.isWhitelisted(engaged.signature().name().toString())) {
                procedures.register(engaged);
            }
        } catch (ProcedureException e) {
            throw new IllegalStateException("Registering Roost's kernel procedures failed: " + e.getMessage(), e);
        }
    }

    private RoostProcedures() {}

    /**
     * Registers Roost's procedures with an embedded DBMS. A Neo4j server loads them from the jar in
     * {@code plugins/} instead; an embedded DBMS does not scan its classpath, and has no public
     * API for this, hence the {@link GraphDatabaseAPI} dependency resolver.
     */
    public static void register(GraphDatabaseService db) {
        GlobalProcedures procedures =
                ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
        try {
            for (Class<?> c : PROCEDURE_CLASSES) {
                procedures.registerProcedure(c);
            }
            for (Class<?> c : FUNCTION_CLASSES) {
                procedures.registerFunction(c);
            }
        } catch (ProcedureException e) {
            throw new IllegalStateException("Registering Roost's procedures failed: " + e.getMessage(), e);
        }
    }
}
