package roost.api.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Roost's configuration: immutable, built once at start and passed down.
 * Sources, lowest priority first: {@link Setting} defaults, the config file, the environment, flags.
 * Keys under {@value #PROCEDURE_PREFIX} (the procedures' own settings, such as the live graph's
 * window) are not Roost settings: they are read from the file and the flags only (no environment
 * variables), kept as text here, and checked against the procedures' declared settings (known
 * key, parsable value, allowed range) when the embedded database is opened.
 */
public final class RoostConfig {
    /** Name of the config file looked for in the data directory when none is given. */
    public static final String FILE_NAME = "roost.conf";

    /** Prefix of the procedures' Neo4j settings, passed through to the embedded database. */
    public static final String PROCEDURE_PREFIX = "dbms.roost.";

    private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]?");

    private final Map<Setting, String> values;
    private final Map<Setting, String> sources;
    private final Map<String, String> procedureSettings;

    private RoostConfig(
            Map<Setting, String> values, Map<Setting, String> sources, Map<String, String> procedureSettings) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        this.procedureSettings = Collections.unmodifiableMap(new LinkedHashMap<>(procedureSettings));
    }

    /** Defaults only: for tests and tools. */
    public static RoostConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /**
     * Builds the configuration.
     *
     * @param file a config file, or null to use {@code <data.dir>/roost.conf} when it exists
     * @param env the environment (only {@code ROOST_*} variables are read)
     * @param flags settings given on the command line, by key
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public static RoostConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
            sources.put(s, "default");
        }
        Map<Setting, String> fromEnv = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = env.get(s.env());
            if (v != null) {
                fromEnv.put(s, v);
            }
        }
        Map<String, String> procedureSettings = new LinkedHashMap<>();
        Map<Setting, String> fromFlags = parseKeys(flags, "command line", procedureSettings);

        Path configFile = file;
        if (configFile == null) {
            String dataDir = fromFlags.getOrDefault(
                    Setting.DATA_DIR, fromEnv.getOrDefault(Setting.DATA_DIR, Setting.DATA_DIR.defaultValue()));
            Path candidate = Path.of(dataDir).resolve(FILE_NAME);
            configFile = Files.isRegularFile(candidate) ? candidate : null;
        } else if (!Files.isRegularFile(configFile)) {
            throw new ConfigException("config file " + configFile + " does not exist");
        }
        if (configFile != null) {
            Map<String, String> fromFile = new LinkedHashMap<>();
            putAll(
                    values,
                    sources,
                    parseKeys(readFile(configFile), configFile.toString(), fromFile),
                    configFile.toString());
            fromFile.forEach(procedureSettings::putIfAbsent); // flags win
        }
        putAll(values, sources, fromEnv, "environment");
        putAll(values, sources, fromFlags, "command line");
        for (Setting s : Setting.values()) {
            validate(s, values.get(s), sources.get(s));
        }
        return new RoostConfig(values, sources, procedureSettings);
    }

    /** A copy with some settings replaced (as if given on the command line). */
    public RoostConfig with(Setting setting, String value) {
        Map<Setting, String> v = new EnumMap<>(values);
        Map<Setting, String> src = new EnumMap<>(sources);
        validate(setting, value, "override");
        v.put(setting, value);
        src.put(setting, "override");
        return new RoostConfig(v, src, procedureSettings);
    }

    public String get(Setting s) {
        return values.get(s);
    }

    public int getInt(Setting s) {
        return Integer.parseInt(values.get(s));
    }

    public long getLong(Setting s) {
        return Long.parseLong(values.get(s));
    }

    public boolean getBoolean(Setting s) {
        return Boolean.parseBoolean(values.get(s));
    }

    public Path dataDir() {
        return Path.of(values.get(Setting.DATA_DIR)).toAbsolutePath().normalize();
    }

    /** The {@value #PROCEDURE_PREFIX}* settings given, by key, for the embedded Neo4j. */
    public Map<String, String> procedureSettings() {
        return procedureSettings;
    }

    /** Page cache size in bytes. */
    public long pageCacheBytes() {
        return parseSize(values.get(Setting.PAGECACHE));
    }

    /** Where each value came from, for start-up logs; secrets are masked. */
    public String describe() {
        return Arrays.stream(Setting.values())
                        .map(s -> s.key() + "="
                                + (s.type() == Setting.Type.SECRET
                                                && !values.get(s).isEmpty()
                                        ? "****"
                                        : values.get(s)) + " ("
                                + sources.get(s) + ")")
                        .collect(Collectors.joining("\n"))
                + procedureSettings.entrySet().stream()
                        .map(e -> "\n" + e.getKey() + "=" + e.getValue() + " (passed to Neo4j)")
                        .collect(Collectors.joining());
    }

    static long parseSize(String text) {
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        long multiplier = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        return Long.parseLong(digits) * multiplier;
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    /** Roost settings by key; {@value #PROCEDURE_PREFIX}* keys go to {@code procedureSettings} instead. */
    private static Map<Setting, String> parseKeys(
            Map<String, String> raw, String where, Map<String, String> procedureSettings) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        raw.forEach((k, v) -> {
            if (k.startsWith(PROCEDURE_PREFIX)) {
                procedureSettings.put(k, v);
                return;
            }
            out.put(
                    Setting.byKey(k)
                            .orElseThrow(() -> new ConfigException("unknown setting '" + k + "' in " + where
                                    + "; known settings: "
                                    + Arrays.stream(Setting.values())
                                            .map(Setting::key)
                                            .collect(Collectors.joining(", "))
                                    + ", and the procedures' " + PROCEDURE_PREFIX + "* settings")),
                    v);
        });
        return out;
    }

    private static void putAll(
            Map<Setting, String> values, Map<Setting, String> sources, Map<Setting, String> from, String source) {
        from.forEach((s, v) -> {
            values.put(s, v);
            sources.put(s, source);
        });
    }

    private static void validate(Setting s, String v, String source) {
        String problem = switch (s.type()) {
            case PORT -> isIntIn(v, 0, 65535) ? null : "a port number in [0, 65535]";
            case BOOLEAN -> v.equals("true") || v.equals("false") ? null : "true or false";
            case POSITIVE_INT -> isIntIn(v, 1, Integer.MAX_VALUE) ? null : "an integer >= 1";
            case LONG -> isLong(v) ? null : "a 64-bit integer";
            case SIZE -> SIZE.matcher(v).matches() ? null : "a size such as 512m or 2g";
            case HOST, PATH -> v.isBlank() ? "a non-empty value" : null;
            case SECRET -> v.isEmpty() || v.length() >= 8 ? null : "at least 8 characters";
            case TEXT -> null;
        };
        if (problem != null) {
            String shown = s.type() == Setting.Type.SECRET ? "(hidden)" : "'" + v + "'";
            throw new ConfigException(
                    "setting " + s.key() + " from " + source + " is " + shown + "; expected " + problem);
        }
    }

    private static boolean isIntIn(String v, long min, long max) {
        try {
            long n = Long.parseLong(v);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLong(String v) {
        try {
            Long.parseLong(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
