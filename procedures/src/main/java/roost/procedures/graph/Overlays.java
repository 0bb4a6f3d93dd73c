package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongSet;
import java.util.function.LongFunction;

/** Copy-on-publish overlays of per-user lists, shared by the follow graph and the negative signals. */
final class Overlays {
    private Overlays() {}

    /**
     * A copy of {@code previous} with the list of every user in {@code dirty} replaced by
     * {@code current(user)}: O(previous + dirty users' lists). {@code previous} is not changed, so
     * snapshots holding it stay as they were.
     */
    static <T> Long2ObjectOpenHashMap<T> republish(
            Long2ObjectOpenHashMap<T> previous, LongSet dirty, LongFunction<T> current) {
        Long2ObjectOpenHashMap<T> next = new Long2ObjectOpenHashMap<>(previous);
        var it = dirty.iterator();
        while (it.hasNext()) {
            long user = it.nextLong();
            next.put(user, current.apply(user));
        }
        return next;
    }
}
