package roost.api.http;

/**
 * The one error shape of the API (after RFC 9457): {@code type} names the kind of problem,
 * {@code title} is fixed per type, {@code detail} says what was wrong with this request.
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    static Problem badRequest(String detail, String path) {
        return new Problem("/problems/bad-request", "Bad request", 400, detail, path);
    }

    static Problem notFound(String detail, String path) {
        return new Problem("/problems/not-found", "Not found", 404, detail, path);
    }

    static Problem of(int status, String detail, String path) {
        if (status == 404) {
            return notFound(detail, path);
        }
        io.javalin.http.HttpStatus s = io.javalin.http.HttpStatus.forStatus(status);
        String title = s.getMessage();
        return new Problem(
                "/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, status, detail, path);
    }

    static Problem internal(String errorId, String path) {
        return new Problem(
                "/problems/internal-error",
                "Internal error",
                500,
                "The server failed to answer; the error is logged with id " + errorId,
                path);
    }
}
