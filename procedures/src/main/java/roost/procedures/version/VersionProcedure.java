package roost.procedures.version;

import java.util.List;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;
import roost.procedures.extension.RoostRuntime;

/** {@code roost.version()}: proves that the Roost extension is loaded and says what it hosts. */
public class VersionProcedure {
    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    /** One row describing the Roost build and its live components. */
    public record Result(
            @Description("Roost version") String version,
            @Description("Database this call ran against") String database,

            @Description("When the Roost extension started (ISO-8601)")
            String startedAt,

            @Description("Live components hosted for this database")
            List<String> components) {}

    @Procedure(name = "roost.version", mode = Mode.READ)
    @Description("The Roost version, the database, and the live components the Roost extension hosts for it.")
    public Stream<Result> version() {
        String database = db.databaseName();
        return Stream.of(new Result(
                RoostRuntime.version(), database, String.valueOf(roost.startedAt()), roost.componentNames(database)));
    }
}
