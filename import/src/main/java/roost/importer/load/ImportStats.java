package roost.importer.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load did.
 *
 * @param method {@code transactional}, {@code cypher} or {@code bulk}
 * @param nodesCreated nodes created, by label (labels with none created are left out)
 * @param relationshipsCreated relationships created, by type (types with none created are left out)
 * @param rowsRead data rows read from the files in the load pass (headers excluded)
 * @param seconds wall time of the whole load, validation included
 */
public record ImportStats(
        String method,
        Map<String, Long> nodesCreated,
        Map<String, Long> relationshipsCreated,
        long rowsRead,
        double seconds) {
    public ImportStats {
        nodesCreated = Collections.unmodifiableMap(new LinkedHashMap<>(nodesCreated));
        relationshipsCreated = Collections.unmodifiableMap(new LinkedHashMap<>(relationshipsCreated));
    }

    public long nodes() {
        return nodesCreated.values().stream().mapToLong(Long::longValue).sum();
    }

    public long relationships() {
        return relationshipsCreated.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Relationships created per second of the whole load. */
    public double relationshipsPerSecond() {
        return seconds > 0 ? relationships() / seconds : 0;
    }

    /** Rows read per second of the whole load. */
    public double rowsPerSecond() {
        return seconds > 0 ? rowsRead / seconds : 0;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%s load: %,d nodes %s, %,d relationships %s, %,d rows in %.1f s (%,.0f relationships/s)",
                method,
                nodes(),
                nodesCreated,
                relationships(),
                relationshipsCreated,
                rowsRead,
                seconds,
                relationshipsPerSecond());
    }
}
