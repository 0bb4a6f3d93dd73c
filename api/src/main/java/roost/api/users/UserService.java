package roost.api.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import roost.api.http.Page;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;

/** Reads users. Thread-safe: every call runs in its own read transaction. */
public final class UserService {
    private final GraphDatabaseService db;

    public UserService(GraphDatabaseService db) {
        this.db = db;
    }

    /** Users ordered by id, starting after {@code after} (exclusive); {@code next} is set when more may follow. */
    public Page<UserView> list(long after, int limit) {
        try (Transaction tx = db.beginTx()) {
            List<UserView> items = new ArrayList<>(limit);
            try (var result = tx.execute(
                    "MATCH (u:User) WHERE u.id > $after RETURN u ORDER BY u.id LIMIT $limit",
                    java.util.Map.of("after", after, "limit", limit))) {
                ResourceIterator<Node> nodes = result.columnAs("u");
                nodes.forEachRemaining(n -> items.add(view(n)));
            }
            String next = items.size() == limit ? items.get(items.size() - 1).id() : null;
            return new Page<>(items, next);
        }
    }

    public Optional<UserView> get(long id) {
        try (Transaction tx = db.beginTx()) {
            return Optional.ofNullable(tx.findNode(Labels.USER, Props.ID, id)).map(UserService::view);
        }
    }

    public boolean exists(long id) {
        try (Transaction tx = db.beginTx()) {
            return tx.findNode(Labels.USER, Props.ID, id) != null;
        }
    }

    private static UserView view(Node n) {
        Object created = n.getProperty(Props.CREATED_AT, null);
        return new UserView(
                String.valueOf(n.getProperty(Props.ID)),
                (String) n.getProperty(Props.HANDLE, null),
                created == null
                        ? null
                        : Instant.ofEpochMilli(((Number) created).longValue()).toString(),
                (Boolean) n.getProperty(Props.VERIFIED, false),
                n.getDegree(Rel.FOLLOWS, Direction.INCOMING),
                n.getDegree(Rel.FOLLOWS, Direction.OUTGOING));
    }
}
