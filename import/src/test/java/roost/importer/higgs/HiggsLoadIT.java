package roost.importer.higgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.importer.Progress;
import roost.importer.load.ImportStats;
import roost.importer.load.TransactionalLoader;
import roost.importer.testing.GraphDump;
import roost.importer.testing.HiggsData;

/** A slice of the real Higgs files, converted and loaded: the graph holds what the first lines say. */
class HiggsLoadIT {

    private static long count(GraphDatabaseService db, String query) {
        return db.executeTransactionally(query, Map.of(), r -> (Long) r.next().get("c"));
    }

    @Test
    void sliceLoadsWithTheDocumentedMapping(@TempDir Path csv, @TempDir Path home) {
        HiggsCounts counts = new HiggsConverter()
                .convert(
                        HiggsData.dir(),
                        csv,
                        HiggsOptions.defaults().withActivityLimit(5_000).withFollowLimit(2_000),
                        Progress.silent());
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            ImportStats stats = new TransactionalLoader(Progress.silent()).load(csv, db);
            assertThat(stats.nodesCreated())
                    .containsEntry("User", counts.users())
                    .containsEntry("Tweet", counts.tweets());
            assertThat(GraphDump.of(db)).isEqualTo(GraphDump.expected(csv));

            // Every retweet and reply points at a tweet posted by someone (its author, user B of the line).
            assertThat(count(db, "MATCH (:User)-[:RETWEETED]->(:Tweet)<-[:POSTED]-(:User) RETURN count(*) AS c"))
                    .isEqualTo(counts.retweets());
            assertThat(count(db, "MATCH (:User)-[:REPLIED]->(:Tweet)<-[:POSTED]-(:User) RETURN count(*) AS c"))
                    .isEqualTo(counts.replies());
            assertThat(count(db, "MATCH (:User)-[:FOLLOWS]->(:User) RETURN count(*) AS c"))
                    .isEqualTo(counts.follows());

            // The first lines of the file: "223789 213163 1341100972 MT", "... RE", "376989 50329 1341101181 RT".
            assertThat(count(
                            db,
                            "MATCH (a:User {id: 223789})-[:POSTED]->(t:Tweet) WHERE t.text CONTAINS '@u213163 '"
                                    + " AND t.createdAt = 1341100972000 RETURN count(*) AS c"))
                    .isEqualTo(1);
            assertThat(
                            count(
                                    db,
                                    "MATCH (a:User {id: 223789})-[r:REPLIED]->(t:Tweet)<-[:POSTED]-(b:User {id: 213163})"
                                            + " WHERE r.createdAt = 1341100972000 AND t.createdAt = 1341100972000 RETURN count(*) AS c"))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "MATCH (a:User {id: 376989})-[r:RETWEETED]->(t:Tweet)<-[:POSTED]-(b:User {id: 50329})"
                                    + " WHERE r.createdAt = 1341101181000 RETURN count(*) AS c"))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "MATCH (u:User {id: 376989}) WHERE u.handle = 'u376989' AND NOT u.verified"
                                    + " AND u.createdAt = " + HiggsConverter.DATASET_START + " RETURN count(*) AS c"))
                    .isEqualTo(1);
        } finally {
            dbms.shutdown();
        }
    }
}
