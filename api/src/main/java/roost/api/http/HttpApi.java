package roost.api.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.search.SearchService;
import roost.api.timeline.MixOptions;
import roost.api.timeline.MixedTimeline;
import roost.api.timeline.TimelineItem;
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
            if (services.browser() != null) {
                // The Neo4j Browser's files, from its Maven artifact (under browser/ in the jar).
                cfg.staticFiles.add(files -> {
                    files.hostedPath = BROWSER_PATH;
                    files.directory = "/browser";
                    files.location = Location.CLASSPATH;
                });
            }
        });
        app.get("/", ctx -> root(ctx, services.browser()));
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

    /**
     * The services the routes use.
     *
     * @param browser where the Neo4j Browser served at {@value #BROWSER_PATH} connects, or null to
     *     not serve it
     */
    public record Services(
            UserService users, TimelineService timeline, SearchService search, String version, BrowserTarget browser) {}

    /** The Bolt endpoint the served Neo4j Browser connects to. */
    public record BrowserTarget(String boltUrl, String neo4jVersion) {
        /** The Browser's address with its connect form preset to {@link #boltUrl()}. */
        public String path() {
            return BROWSER_PATH + "/?dbms=" + boltUrl + "&preselectAuthMethod=NATIVE";
        }
    }

    /** Where the Neo4j Browser is served. */
    public static final String BROWSER_PATH = "/browser";

    /**
     * {@code GET /}: for a JSON client, Neo4j's discovery document (the served Neo4j Browser reads
     * it from its host's root to find the Bolt address, as it does on a Neo4j server); for a web
     * browser, a redirect to the Neo4j Browser; else the list of entry points.
     */
    private static void root(Context ctx, BrowserTarget browser) {
        String accept = ctx.header("Accept");
        boolean wantsHtml = accept != null && accept.contains("text/html");
        if (browser != null && wantsHtml) {
            ctx.redirect(browser.path(), HttpStatus.FOUND);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("health", "/health");
        body.put("users", "/api/v1/users");
        body.put("timeline", "/api/v1/timeline/{userId}");
        if (browser != null) {
            body.put("browser", browser.path());
            body.put("bolt_direct", browser.boltUrl());
            body.put("neo4j_version", browser.neo4jVersion());
            body.put("neo4j_edition", "community");
        }
        ctx.json(body);
    }

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

    /** A timeline page: the items, how many candidates were blended, and what the filters dropped. */
    record TimelinePage(
            List<TimelineItem> items,
            String next,
            String mode,
            int candidates,
            Map<String, Integer> dropped,
            List<MixedTimeline.SourceReport> sources) {}

    /** {@code /api/v1/timeline}: the mixed timeline, or the chronological one with {@code mode=chronological}. */
    private record TimelineController(TimelineService service, Limits limits) {
        void get(Context ctx) {
            long userId = Params.id(ctx, "userId");
            int limit = Params.limit(ctx, limits.defaultLimit(), limits.maxLimit());
            String mode = Params.oneOf(ctx, "mode", "mixed", List.of("mixed", "chronological"));
            if (mode.equals("chronological")) {
                ctx.json(new TimelinePage(service.chronological(userId, limit), null, mode, 0, Map.of(), List.of()));
                return;
            }
            MixOptions options = options(ctx);
            MixedTimeline result = service.mixed(userId, limit, options);
            ctx.json(new TimelinePage(
                    result.items(), null, mode, result.candidates(), result.dropped(), result.sources()));
        }

        private static MixOptions options(Context ctx) {
            return MixOptions.parse(ctx::queryParam);
        }
    }
}
