package roost.procedures.whotofollow;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.salsa.SalsaProcedures;

/** {@code roost.whoToFollow}: accounts to follow, from SALSA over the follow graph. */
public class WhoToFollowProcedures {
    static final String WHO_TO_FOLLOW = "roost.whoToFollow";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    @Procedure(name = WHO_TO_FOLLOW, mode = Mode.READ)
    @Description("Accounts to follow: roost.salsa.users without the accounts the user already follows, with "
            + "their social proof (followees of the user who follow them). Same config as roost.salsa.users; "
            + "set minSocialProof to require some. The user and accounts they blocked or muted (or that blocked "
            + "them) are never returned.")
    public Stream<SalsaProcedures.UserRow> whoToFollow(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        return SalsaProcedures.users(roost, db, tx, guard, WHO_TO_FOLLOW, userId, config, true);
    }
}
