package roost.procedures.extension;

import org.neo4j.configuration.Config;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.availability.AvailabilityGuard;
import org.neo4j.kernel.availability.AvailabilityListener;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * A per-database extension: when {@link RoostSettings#LOAD_AT_START} is on, it asks the DBMS's
 * {@link RoostRuntime} to build the database's live structures once the database is available
 * (see {@link RoostRuntime#loadInBackground(String)}). Found through {@code META-INF/services},
 * like {@link RoostExtensionFactory}.
 */
public final class RoostLoadAtStartFactory extends ExtensionFactory<RoostLoadAtStartFactory.Dependencies> {
    /** What the extension needs from the database; Neo4j resolves these by method return type. */
    public interface Dependencies {
        GraphDatabaseAPI graphDatabaseAPI();

        AvailabilityGuard availabilityGuard();

        GlobalProcedures globalProcedures();

        Config config();
    }

    public RoostLoadAtStartFactory() {
        super(ExtensionType.DATABASE, "roost-load-at-start");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        return new LifecycleAdapter() {
            private AvailabilityListener listener;

            @Override
            public void start() {
                if (!dependencies.config().get(RoostSettings.LOAD_AT_START)) {
                    return;
                }
                RoostRuntime runtime = RoostRuntime.of(dependencies.globalProcedures());
                if (runtime == null) {
                    return;
                }
                String database = dependencies.graphDatabaseAPI().databaseName();
                listener = new AvailabilityListener() {
                    @Override
                    public void available() {
                        runtime.loadInBackground(database);
                    }

                    @Override
                    public void unavailable() {}
                };
                dependencies.availabilityGuard().addListener(listener);
            }

            @Override
            public void stop() {
                if (listener != null) {
                    dependencies.availabilityGuard().removeListener(listener);
                    listener = null;
                }
            }
        };
    }
}
