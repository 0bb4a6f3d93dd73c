package roost.api.timeline;

import java.util.List;
import java.util.Map;

/**
 * A page of the mixed timeline with how it was made.
 *
 * @param candidates distinct tweets the sources proposed
 * @param dropped how many candidates each filter removed
 * @param sources what each source did
 */
public record MixedTimeline(
        List<TimelineItem> items, int candidates, Map<String, Integer> dropped, List<SourceReport> sources) {

    /**
     * One source's part in a page.
     *
     * @param status {@code ok}, {@code timeout} (left out: slower than the timeout) or {@code error}
     *     (left out: it failed; the log has the reason)
     * @param millis wall time of the source, up to the timeout
     */
    public record SourceReport(String name, String status, int candidates, double millis) {}
}
