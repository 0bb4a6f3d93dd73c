package roost.api.http;

import java.util.List;

/** Every list answer of the API: the items, and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String next) {}
