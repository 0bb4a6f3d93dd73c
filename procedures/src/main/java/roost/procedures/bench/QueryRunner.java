package roost.procedures.bench;

import java.util.Locale;
import java.util.Map;
import org.neo4j.common.DependencyResolver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.GraphDatabaseQueryService;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.impl.query.Neo4jTransactionalContextFactory;
import org.neo4j.kernel.impl.query.QueryExecution;
import org.neo4j.kernel.impl.query.QueryExecutionConfiguration;
import org.neo4j.kernel.impl.query.QueryExecutionEngine;
import org.neo4j.kernel.impl.query.QueryExecutionKernelException;
import org.neo4j.kernel.impl.query.QuerySubscriber;
import org.neo4j.kernel.impl.query.TransactionalContext;
import org.neo4j.kernel.impl.query.TransactionalContextFactory;
import org.neo4j.kernel.impl.util.ValueUtils;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.values.AnyValue;
import org.neo4j.values.virtual.MapValue;

/**
 * Runs a benchmark's query in a transaction of its own and reads every row, in one of two ways
 * (see {@link Rows}). Both run the same plan in the same engine; they differ in how the rows are
 * pulled and what the reader makes of them, which costs the same for any query that returns the
 * same rows. A failing query throws the same public {@code QueryExecutionException} either way.
 *
 * <p>Thread-safe: each run reads into its own holder.
 */
public final class QueryRunner {
    /** How the rows are read. */
    public enum Rows {
        /**
         * As the Bolt server reads them before writing them out: each row's Neo4j values handed over
         * by the query engine, one field at a time, and held until the next row. No Java objects are
         * made of them, so a row costs the engine's work alone.
         */
        VALUES,
        /**
         * As an embedded application reads them through the public API: {@code Result.next()}, which
         * pulls the rows from the engine one at a time and makes each a {@code Map} of Java objects
         * (lists copied into {@code ArrayList}s); paid alike by every query that returns the same rows.
         */
        MAPS;

        /** The option's spelling: {@code values} or {@code maps}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The other way. */
        public Rows other() {
            return this == VALUES ? MAPS : VALUES;
        }

        /** The value named by {@code label} ({@code values} or {@code maps}, any case). */
        public static Rows parse(String label) {
            for (Rows r : values()) {
                if (r.label().equalsIgnoreCase(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("rows must be 'values' or 'maps', was '" + label + "'");
        }
    }

    private final GraphDatabaseService db;
    private final Rows rows;
    private final QueryExecutionEngine engine;
    private final TransactionalContextFactory contexts;

    public QueryRunner(GraphDatabaseService db, Rows rows) {
        this.db = java.util.Objects.requireNonNull(db, "db");
        this.rows = java.util.Objects.requireNonNull(rows, "rows");
        if (rows == Rows.VALUES) {
            DependencyResolver deps = ((GraphDatabaseAPI) db).getDependencyResolver();
            this.engine = deps.resolveDependency(QueryExecutionEngine.class);
            this.contexts =
                    Neo4jTransactionalContextFactory.create(deps.resolveDependency(GraphDatabaseQueryService.class));
        } else {
            this.engine = null;
            this.contexts = null;
        }
    }

    public Rows rows() {
        return rows;
    }

    /** Runs {@code query} in a transaction of its own, reads every row, commits; returns the number of rows. */
    public long run(String query, Map<String, Object> params) {
        if (rows == Rows.MAPS) {
            return db.executeTransactionally(query, params, r -> {
                long n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                return n;
            });
        }
        try (InternalTransaction tx =
                ((GraphDatabaseAPI) db).beginTransaction(KernelTransaction.Type.IMPLICIT, LoginContext.AUTH_DISABLED)) {
            MapValue values = ValueUtils.asParameterMapValue(params);
            TransactionalContext context =
                    contexts.newContext(tx, query, values, QueryExecutionConfiguration.DEFAULT_CONFIG);
            Holder holder = new Holder();
            QueryExecution execution = engine.executeQuery(query, values, context, false, holder);
            try {
                execution.consumeAll();
            } catch (Throwable t) {
                execution.cancel();
                throw t;
            }
            if (holder.error != null) {
                throw userError(holder.error);
            }
            tx.commit();
            return holder.rows;
        } catch (QueryExecutionKernelException e) {
            throw e.asUserException();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    /** An error the engine reported for a query, as the public API would throw it. */
    private static RuntimeException userError(Throwable error) {
        if (error instanceof QueryExecutionKernelException e) {
            return e.asUserException();
        }
        if (error instanceof Status.HasStatus) {
            return QueryExecutionKernelException.wrapError((Throwable & Status.HasStatus) error)
                    .asUserException();
        }
        if (error instanceof RuntimeException e) {
            return e;
        }
        return new IllegalStateException("Query failed: " + error.getMessage(), error);
    }

    /** Keeps the current row's values, as a server does until it has written the row out. */
    private static final class Holder implements QuerySubscriber {
        private AnyValue[] row = new AnyValue[0];
        private long rows;
        private Throwable error;

        @Override
        public void onResult(int numberOfFields) {
            if (row.length != numberOfFields) {
                row = new AnyValue[numberOfFields];
            }
        }

        @Override
        public void onRecord() {}

        @Override
        public void onField(int offset, AnyValue value) {
            row[offset] = value;
        }

        @Override
        public void onRecordCompleted() {
            rows++;
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onResultCompleted(QueryStatistics statistics) {}
    }
}
