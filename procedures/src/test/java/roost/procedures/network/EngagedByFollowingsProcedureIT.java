package roost.procedures.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.QueryExecutionException;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;

/**
 * {@code roost.network.engagedByFollowings} is a kernel procedure, registered by the extension: it
 * must read, to Neo4j Browser and to a Cypher user, like an annotated one. Its documentation, mode,
 * row values and errors, through Cypher on an embedded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagedByFollowingsProcedureIT {
    @TempDir
    static Path home;

    private EmbeddedDatabase database;

    /** Viewer 1 follows 2 and 3; both engaged with 100 (by 7), 3 also with 101 (by 8). Viewer 5 follows 3. */
    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        new GraphFixture(database.db())
                .follow(1, 2)
                .follow(1, 3)
                .follow(5, 3)
                .tweet(100, 7, T0)
                .tweet(101, 8, T0)
                .engage(2, "LIKED", 100, T0 + 1)
                .engage(3, "RETWEETED", 100, T0 + 2)
                .engage(3, "LIKED", 101, T0 + 3);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void showProceduresDocumentsItLikeAnAnnotatedProcedure() {
        Map<String, Object> row = database.rows(
                        "SHOW PROCEDURES YIELD name, description, mode, worksOnSystem, argumentDescription, "
                                + "returnDescription WHERE name = 'roost.network.engagedByFollowings' RETURN *",
                        Map.of())
                .get(0);
        assertThat(row.get("description"))
                .isEqualTo(EngagedByFollowingsProcedure.DESCRIPTION)
                .asString()
                .contains("maxSocialProof (10)", "weights ('realgraph' | 'uniform')");
        assertThat(row).containsEntry("mode", "READ").containsEntry("worksOnSystem", false);
        @SuppressWarnings("unchecked")
        var arguments = (List<Map<String, Object>>) row.get("argumentDescription");
        assertThat(arguments).extracting(a -> a.get("name")).containsExactly("userId", "config");
        assertThat(arguments).extracting(a -> a.get("description")).doesNotContainNull();
        assertThat(arguments.get(1).get("default")).asString().contains("{}");
        @SuppressWarnings("unchecked")
        var returns = (List<Map<String, Object>>) row.get("returnDescription");
        assertThat(returns)
                .extracting(a -> a.get("name"))
                .containsExactly(
                        "tweetId",
                        "authorId",
                        "score",
                        "socialProof",
                        "socialProofCount",
                        "engagementTypes",
                        "newestEngagement");
        assertThat(returns).extracting(a -> a.get("description")).doesNotContainNull();
    }

    @Test
    void rowsCarryCypherValues() {
        List<Map<String, Object>> rows =
                database.rows("CALL roost.network.engagedByFollowings(1, {weights: 'uniform'})", Map.of());
        assertThat(rows).extracting(r -> r.get("tweetId")).containsExactly(100L, 101L);
        Map<String, Object> top = rows.get(0);
        assertThat(top)
                .containsEntry("authorId", 7L)
                .containsEntry("score", 2.0)
                .containsEntry("socialProofCount", 2L)
                .containsEntry("newestEngagement", T0 + 2);
        assertThat(top.get("socialProof")).asList().containsExactlyInAnyOrder(2L, 3L);
        assertThat(top.get("engagementTypes")).asList().containsExactlyInAnyOrder("LIKED", "RETWEETED");
        // Values compose with the rest of the query like any procedure's.
        assertThat(database.rows(
                        "CALL roost.network.engagedByFollowings($user, {weights: 'uniform', minSocialProof: 2}) "
                                + "YIELD tweetId, socialProof "
                                + "MATCH (t:Tweet {id: tweetId}) RETURN t.id AS id, size(socialProof) AS proof",
                        Map.of("user", 1L)))
                .containsExactly(Map.of("id", 100L, "proof", 2L));
    }

    /**
     * Each thread keeps its counting state between calls: calls one after the other in one query
     * (the rows of one still being read while the next runs, on the same thread) and calls from
     * several threads at once answer as each call alone does.
     */
    @Test
    void callsInOneQueryAndFromManyThreadsAnswerAsEachAlone() throws Exception {
        String each = "UNWIND $users AS u CALL roost.network.engagedByFollowings(u, {weights: 'uniform'}) "
                + "YIELD tweetId, score, socialProof RETURN u, tweetId, score, socialProof";
        List<Map<String, Object>> alone = new java.util.ArrayList<>();
        for (long u : new long[] {1, 5, 1}) {
            alone.addAll(database.rows(each, Map.of("users", List.of(u))));
        }
        assertThat(alone)
                .extracting(r -> r.get("u") + ":" + r.get("tweetId") + ":" + r.get("score"))
                .containsExactly("1:100:2.0", "1:101:1.0", "5:101:1.0", "5:100:1.0", "1:100:2.0", "1:101:1.0");
        assertThat(database.rows(each, Map.of("users", List.of(1L, 5L, 1L)))).isEqualTo(alone);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<List<Map<String, Object>>>>();
            for (int i = 0; i < 200; i++) {
                List<Long> users = i % 2 == 0 ? List.of(1L, 5L, 1L) : List.of(5L, 1L, 5L);
                calls.add(pool.submit(() -> database.rows(each, Map.of("users", users))));
            }
            List<Map<String, Object>> other = new java.util.ArrayList<>(alone.subList(2, 4));
            other.addAll(alone.subList(0, 2));
            other.addAll(alone.subList(2, 4));
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get()).isEqualTo(i % 2 == 0 ? alone : other);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsAreErrorsThatNameThem() {
        Map<String, Object> nullUser = new HashMap<>();
        nullUser.put("user", null);
        assertThatThrownBy(() -> database.rows("CALL roost.network.engagedByFollowings($user)", nullUser))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("Failed to invoke procedure `roost.network.engagedByFollowings`")
                .hasMessageContaining("userId must be an integer, was null");
        assertThatThrownBy(() -> database.rows("CALL roost.network.engagedByFollowings('one')", Map.of()))
                .isInstanceOf(QueryExecutionException.class);
        assertThatThrownBy(() ->
                        database.rows("CALL roost.network.engagedByFollowings(1, {maxSocialProof: 'ten'})", Map.of()))
                .hasMessageContaining("roost.network.engagedByFollowings")
                .hasMessageContaining("maxSocialProof");
        // A null config is the default config.
        assertThat(database.rows("CALL roost.network.engagedByFollowings(1, null)", Map.of()))
                .hasSize(2);
    }

    @Test
    void errorsCarryTheStatusAnAnnotatedProcedureGives() {
        var kernel = catchThrowableOfType(
                QueryExecutionException.class,
                () -> database.rows("CALL roost.network.engagedByFollowings(999)", Map.of()));
        var annotated = catchThrowableOfType(
                QueryExecutionException.class, () -> database.rows("CALL roost.salsa.tweets(999)", Map.of()));
        assertThat(kernel.getStatusCode()).isEqualTo(annotated.getStatusCode());
        assertThat(kernel.getMessage())
                .isEqualTo(annotated.getMessage().replace("roost.salsa.tweets", "roost.network.engagedByFollowings"));
    }

    /**
     * A transaction terminated while the procedure runs (a client's cancel, a timeout, an
     * administrator's TERMINATE) ends the call with Neo4j's termination status, not a generic
     * procedure failure: the procedure is called here as Cypher calls it, with a transaction
     * terminated before its first read.
     */
    @Test
    void aTerminatedTransactionEndsTheCallWithItsStatus() throws Exception {
        var api = (org.neo4j.kernel.internal.GraphDatabaseAPI) database.db();
        var deps = api.getDependencyResolver();
        var procedures = deps.resolveDependency(org.neo4j.kernel.api.procedure.GlobalProcedures.class)
                .getCurrentView();
        int id = procedures
                .procedure(
                        new org.neo4j.internal.kernel.api.procs.QualifiedName(
                                "roost", "network", "engagedByFollowings"),
                        org.neo4j.kernel.api.QueryLanguage.CYPHER_5)
                .id();
        try (var tx = (org.neo4j.kernel.impl.coreapi.InternalTransaction)
                database.db().beginTx()) {
            var context = org.neo4j.kernel.api.procedure.BasicContext.buildContext(
                            deps, new org.neo4j.kernel.impl.util.DefaultValueMapper(tx))
                    .withKernelTransaction(tx.kernelTransaction())
                    .withGraphDatabaseSupplier(() -> api)
                    .withSecurityContext(tx.securityContext())
                    .withProcedureCallContext(org.neo4j.internal.kernel.api.procs.ProcedureCallContext.EMPTY)
                    .context();
            org.neo4j.values.AnyValue[] args = {
                org.neo4j.values.storable.Values.longValue(1), org.neo4j.values.virtual.VirtualValues.EMPTY_MAP
            };
            // The same call, open: two tweets.
            var rows = procedures.callProcedure(
                    context, id, args, org.neo4j.kernel.api.ResourceTracker.EMPTY_RESOURCE_TRACKER);
            int n = 0;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            assertThat(n).isEqualTo(2);

            tx.terminate();
            var error = catchThrowableOfType(
                    org.neo4j.internal.kernel.api.exceptions.ProcedureException.class,
                    () -> procedures.callProcedure(
                            context, id, args, org.neo4j.kernel.api.ResourceTracker.EMPTY_RESOURCE_TRACKER));
            assertThat(error).isNotNull();
            assertThat(error.status()).isEqualTo(org.neo4j.kernel.api.exceptions.Status.Transaction.Terminated);
        }
    }

    /**
     * The allowlist leaves it out, as it does a server plugin's procedures. (The annotated ones an
     * embedded application registers by class are registered whatever the allowlist says.)
     */
    @Test
    void theProcedureAllowlistAppliesToIt(@TempDir Path other) {
        try (EmbeddedDatabase restricted = new EmbeddedDatabase(
                other, Map.of(GraphDatabaseSettings.procedure_allowlist, List.of("roost.version", "roost.salsa.*")))) {
            List<Object> names = restricted
                    .db()
                    .executeTransactionally(
                            "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'roost.' RETURN name",
                            Map.of(),
                            r -> r.stream().map(row -> row.get("name")).toList());
            assertThat(names).contains("roost.version").doesNotContain("roost.network.engagedByFollowings");
        }
    }
}
