package roost.api.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;

/**
 * Options shared by every command that opens the database: the common settings as named flags,
 * any setting with {@code --set key=value}, and a config file.
 */
final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (key=value lines). Default: <data-dir>/roost.conf when it exists.")
    Path configFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory (database, indexes, generated data). Default: roost-data.")
    String dataDir;

    @Option(names = "--http-host", paramLabel = "HOST", description = "HTTP listen address. Default: 127.0.0.1.")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (0 = any free port). Default: 8080.")
    Integer httpPort;

    @Option(names = "--bolt-host", paramLabel = "HOST", description = "Bolt listen address. Default: 127.0.0.1.")
    String boltHost;

    @Option(names = "--bolt-port", paramLabel = "PORT", description = "Bolt port (0 = any free port). Default: 7687.")
    Integer boltPort;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Any setting from the table below; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Builds the configuration: defaults < file < environment < flags. */
    RoostConfig load() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        putIfSet(flags, Setting.DATA_DIR, dataDir);
        putIfSet(flags, Setting.HTTP_HOST, httpHost);
        putIfSet(flags, Setting.HTTP_PORT, httpPort);
        putIfSet(flags, Setting.BOLT_HOST, boltHost);
        putIfSet(flags, Setting.BOLT_PORT, boltPort);
        return RoostConfig.load(configFile, System.getenv(), flags);
    }

    private static void putIfSet(Map<String, String> flags, Setting s, Object value) {
        if (value != null) {
            flags.put(s.key(), String.valueOf(value));
        }
    }

    /** The settings list shown under {@code --help}: key, environment variable, default, meaning. */
    static String settingsTable() {
        String rows = Arrays.stream(Setting.values())
                .map(s -> String.format(
                        "  %s  (%s, default: %s)%n      %s",
                        s.key(), s.env(), s.defaultValue().isEmpty() ? "none" : s.defaultValue(), s.description()))
                .map(row -> row.replace("%", "%%")) // picocli formats the footer: keep '%' literal
                .collect(Collectors.joining("%n"));
        return "%nSettings, lowest priority first: default, config file, environment, flags (--set key=value):%n" + rows
                + "%n";
    }
}
