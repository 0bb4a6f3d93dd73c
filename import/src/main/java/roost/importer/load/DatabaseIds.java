package roost.importer.load;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import roost.importer.csv.CsvValidator;
import roost.model.Labels;
import roost.model.Props;

/** Looks up, in one read transaction, whether a user or tweet id is already in the database. */
final class DatabaseIds implements CsvValidator.Existing, AutoCloseable {
    private final Transaction tx;

    DatabaseIds(GraphDatabaseService db) {
        this.tx = db.beginTx();
    }

    @Override
    public boolean user(long id) {
        return tx.findNode(Labels.USER, Props.ID, id) != null;
    }

    @Override
    public boolean tweet(long id) {
        return tx.findNode(Labels.TWEET, Props.ID, id) != null;
    }

    @Override
    public void close() {
        tx.close();
    }
}
