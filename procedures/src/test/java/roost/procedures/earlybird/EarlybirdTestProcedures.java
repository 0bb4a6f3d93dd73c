package roost.procedures.earlybird;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Procedure;
import roost.procedures.extension.RoostRuntime;

/** Test-only procedures: stop the Earlybird component as a crash would. */
public class EarlybirdTestProcedures {
    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Procedure(name = "test.earlybird.crash")
    public void crash() {
        Earlybird eb = roost.earlybird(db.databaseName());
        roost.forget(db.databaseName(), Earlybird.class);
        eb.crash();
    }
}
