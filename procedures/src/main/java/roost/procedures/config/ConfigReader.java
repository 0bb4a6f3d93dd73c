package roost.procedures.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import roost.model.RoostException;

/**
 * Reads one procedure's {@code config} map: each read names the key, its default and its allowed
 * range; {@link #done()} then rejects any key that was not read. Every error is an
 * {@link RoostException.InvalidArgument} naming the procedure, the key, the value and what is allowed.
 *
 * <p>Cypher gives integers as {@code Long} and floats as {@code Double}; both are accepted where a
 * number is expected, as long as an integer setting gets a whole number.
 *
 * <p>Not thread-safe: one reader per call.
 */
public final class ConfigReader {
    private final String procedure;
    private final Map<String, Object> values;
    /** The keys read so far (a handful: a list is cheaper than a set here). */
    private final List<String> known = new ArrayList<>(16);

    private ConfigReader(String procedure, Map<String, Object> values) {
        this.procedure = procedure;
        this.values = values == null ? Map.of() : values;
    }

    public static ConfigReader of(String procedure, Map<String, Object> config) {
        return new ConfigReader(procedure, config);
    }

    public int intValue(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        Object raw = take(key);
        if (raw == null) {
            return defaultValue;
        }
        long value;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            value = (long) n.doubleValue();
        } else {
            throw invalid(key, raw, "must be an integer in [" + min + ", " + max + "]");
        }
        if (value < min || value > max) {
            throw invalid(key, raw, "is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /** An optional long: {@code null} when the key is absent. */
    public Long optionalLong(String key, long min, long max) {
        if (values.get(key) == null) {
            take(key);
            return null;
        }
        return longValue(key, 0, min, max);
    }

    public double doubleValue(String key, double defaultValue, double min, double max) {
        Object raw = take(key);
        if (raw == null) {
            return defaultValue;
        }
        if (!(raw instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw invalid(key, raw, "must be a number in [" + min + ", " + max + "]");
        }
        double value = n.doubleValue();
        if (value < min || value > max) {
            throw invalid(key, raw, "is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    public boolean booleanValue(String key, boolean defaultValue) {
        Object raw = take(key);
        if (raw == null) {
            return defaultValue;
        }
        if (!(raw instanceof Boolean b)) {
            throw invalid(key, raw, "must be true or false");
        }
        return b;
    }

    /** One of {@code allowed}, compared case-insensitively; returned in the case given in {@code allowed}. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        Object raw = take(key);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof String s) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
        }
        throw invalid(key, raw, "must be one of " + allowed);
    }

    /**
     * A non-empty list of enum constants, given as names (case-insensitive) in a list or as one
     * string; {@code allowed} limits which constants are accepted.
     */
    public <E extends Enum<E>> EnumSet<E> enumSet(String key, EnumSet<E> defaultValue, EnumSet<E> allowed) {
        Object raw = take(key);
        if (raw == null) {
            return EnumSet.copyOf(defaultValue);
        }
        List<Object> items = raw instanceof List<?> list ? new ArrayList<>(list) : List.of(raw);
        EnumSet<E> out = EnumSet.noneOf(defaultValue.isEmpty() ? firstOf(allowed) : firstOf(defaultValue));
        for (Object item : items) {
            E match = null;
            if (item instanceof String s) {
                for (E e : allowed) {
                    if (e.name().equalsIgnoreCase(s.trim())) {
                        match = e;
                    }
                }
            }
            if (match == null) {
                throw invalid(key, raw, "must list some of " + allowed);
            }
            out.add(match);
        }
        if (out.isEmpty()) {
            throw invalid(key, raw, "must list at least one of " + allowed);
        }
        return out;
    }

    /** An optional string of at most {@code maxLength} characters, trimmed: {@code null} when absent. */
    public String optionalString(String key, int maxLength) {
        Object raw = take(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s) || s.trim().length() > maxLength) {
            throw invalid(key, raw, "must be a string of at most " + maxLength + " characters");
        }
        return s.trim();
    }

    /** A list of integers, each in [min, max], at most {@code maxSize} of them; empty when absent. */
    public long[] longList(String key, long min, long max, int maxSize) {
        Object raw = take(key);
        if (raw == null) {
            return new long[0];
        }
        if (!(raw instanceof List<?> list) || list.size() > maxSize) {
            throw invalid(key, raw, "must be a list of at most " + maxSize + " integers in [" + min + ", " + max + "]");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            boolean whole = o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte;
            if (!whole || ((Number) o).longValue() < min || ((Number) o).longValue() > max) {
                throw invalid(
                        key,
                        raw,
                        "must be a list of integers in [" + min + ", " + max + "]; item " + i + " is " + show(o));
            }
            out[i] = ((Number) o).longValue();
        }
        return out;
    }

    /** Rejects every key that no read asked for. Call after the last read. */
    public void done() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new RoostException.InvalidArgument(String.format(
                        Locale.ROOT,
                        "%s: unknown config key '%s' (value %s); known keys: %s",
                        procedure,
                        key,
                        show(values.get(key)),
                        new TreeSet<>(known)));
            }
        }
    }

    private Object take(String key) {
        if (!known.contains(key)) {
            known.add(key);
        }
        return values.get(key);
    }

    /** The error for a value that passed its range check but breaks another rule ("must be odd"). */
    public RoostException.InvalidArgument invalid(String key, Object raw, String rule) {
        return new RoostException.InvalidArgument(
                String.format(Locale.ROOT, "%s: config '%s' = %s %s", procedure, key, show(raw), rule));
    }

    private static String show(Object raw) {
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }

    private static <E extends Enum<E>> Class<E> firstOf(EnumSet<E> set) {
        return set.iterator().next().getDeclaringClass();
    }
}
