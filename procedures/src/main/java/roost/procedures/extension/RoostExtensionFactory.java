package roost.procedures.extension;

import org.neo4j.configuration.Config;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.internal.LogService;
import roost.procedures.RoostProcedures;

/**
 * The Roost database extension. Neo4j finds it through {@code META-INF/services} both in an
 * embedded database (it is on the classpath) and in a server (the jar is in {@code plugins/}).
 * It creates one {@link RoostRuntime} per DBMS and registers it as a procedure component, so a
 * procedure reaches the live structures with {@code @Context public RoostRuntime roost;}, and it
 * registers the kernel procedures ({@link RoostProcedures#registerKernelProcedures}).
 */
public final class RoostExtensionFactory extends ExtensionFactory<RoostExtensionFactory.Dependencies> {
    public static final String NAME = "roost";

    /** What the extension needs from the DBMS; Neo4j resolves these by method return type. */
    public interface Dependencies {
        GlobalProcedures globalProcedures();

        LogService logService();

        Config config();

        /** Resolved when the runtime first needs it (after the DBMS is built), not at construction. */
        DatabaseManagementService databaseManagementService();
    }

    public RoostExtensionFactory() {
        super(ExtensionType.GLOBAL, NAME);
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        RoostRuntime runtime = new RoostRuntime(
                dependencies.logService().getUserLog(RoostRuntime.class),
                dependencies.config(),
                dependencies::databaseManagementService);
        // Registered at construction so that the component exists before any procedure is compiled.
        dependencies.globalProcedures().registerComponent(RoostRuntime.class, ctx -> runtime, true);
        RoostProcedures.registerKernelProcedures(dependencies.globalProcedures(), runtime, dependencies.config());
        return new LifecycleAdapter() {
            @Override
            public void start() {
                runtime.start();
            }

            @Override
            public void shutdown() {
                runtime.close();
            }
        };
    }
}
