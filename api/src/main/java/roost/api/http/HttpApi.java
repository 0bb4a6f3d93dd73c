package roost.api.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.search.SearchService;
import roost.api.timeline.TimelineService;
import roost.api.users.UserService;
import roost.model.RoostException;

/**
 * The HTTP API: routes registered in one place, controllers are instances built with their
 * services, errors mapped once to {@link Problem}.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin app;

    public HttpApi(Services services, Limits limits) {
        UsersController users = new UsersController(services.users(), limits);
        TimelineController timeline = new TimelineController(services.timeline(), limits);
        SearchController search = new SearchController(services.search(), limits);
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.defaultContentType = "application/json";
        });
        app.get("/health", ctx -> ctx.json(Map.of("status", "ok", "version", services.version())));
        app.get("/api/v1/users", users::list);
        app.get("/api/v1/users/{id}", users::get);
        app.get("/api/v1/timeline/{userId}", timeline::get);
        app.get("/api/v1/search", search::search);

        app.exception(
                RoostException.InvalidArgument.class,
                (e, ctx) -> problem(ctx, Problem.badRequest(e.getMessage(), ctx.path())));
        app.exception(
                RoostException.NotFound.class, (e, ctx) -> problem(ctx, Problem.notFound(e.getMessage(), ctx.path())));
        app.exception(Exception.class, (e, ctx) -> {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Request {} {} failed, error id {}", ctx.method(), ctx.path(), errorId, e);
            problem(ctx, Problem.internal(errorId, ctx.path()));
        });
        // Javalin's own answers (no such route, method not allowed, ...) take the same shape.
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> problem(ctx, Problem.of(e.getStatus(), e.getMessage(), ctx.path())));
    }

    /** The services the routes use. */
    public record Services(UserService users, TimelineService timeline, SearchService search, String version) {}

    /** Page sizes: used when a request gives none, and the largest allowed. */
    public record Limits(int defaultLimit, int maxLimit) {}

    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status()).json(p).contentType("application/problem+json");
    }

    @Override
    public void close() {
        app.stop();
    }

    /** {@code /api/v1/users}. */
    private record UsersController(UserService service, Limits limits) {
        void list(Context ctx) {
            int limit = Params.limit(ctx, limits.defaultLimit(), limits.maxLimit());
            long after = Params.cursor(ctx, "after");
            ctx.json(service.list(after, limit));
        }

        void get(Context ctx) {
            long id = Params.id(ctx, "id");
            ctx.json(service.get(id).orElseThrow(() -> new RoostException.NotFound("user " + id + " does not exist")));
        }
    }

    /** {@code /api/v1/timeline}. */
    private record TimelineController(TimelineService service, Limits limits) {
        void get(Context ctx) {
            long userId = Params.id(ctx, "userId");
            int limit = Params.limit(ctx, limits.defaultLimit(), limits.maxLimit());
            ctx.json(new Page<>(service.timeline(userId, limit), null));
        }
    }
}
