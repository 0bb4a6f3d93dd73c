package roost.api.http;

import io.javalin.http.Context;
import roost.model.RoostException;

/** Validation of request parameters at the edge: every failure names the parameter, the value and what is allowed. */
final class Params {
    private Params() {}

    static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new RoostException.InvalidArgument(
                    "path parameter '" + name + "' must be a non-negative 64-bit integer, was '" + raw + "'");
        }
    }

    static int limit(Context ctx, int defaultLimit, int maxLimit) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RoostException.InvalidArgument(
                "query parameter 'limit' must be an integer in [1, " + maxLimit + "], was '" + raw + "'");
    }

    static long cursor(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new RoostException.InvalidArgument(
                    "query parameter '" + name + "' must be the 'next' cursor of a previous page, was '" + raw + "'");
        }
    }

    /** An optional value from a fixed set; {@code defaultValue} when absent. */
    static String oneOf(Context ctx, String name, String defaultValue, java.util.List<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return defaultValue;
        }
        if (!allowed.contains(raw)) {
            throw new RoostException.InvalidArgument("query parameter '" + name + "' must be one of "
                    + String.join(", ", allowed) + ", was '" + raw + "'");
        }
        return raw;
    }
}
