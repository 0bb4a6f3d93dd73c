package roost.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import roost.model.RoostException;
import roost.procedures.extension.RoostRuntime;

/** {@code ./roost}: the entry point of every command. */
@Command(
        name = "roost",
        mixinStandardHelpOptions = true,
        versionProvider = RoostCommand.Version.class,
        description = "Roost: an open, single-machine \"For You\" timeline on Neo4j.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ImportCommand.class,
            GenerateCommand.class,
            RealGraphCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RoostCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Roost's error handling: a RoostException prints its message, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RoostCommand());
        // Commands that open the database list every setting, its environment variable and default.
        cmd.getSubcommands().values().stream()
                .filter(sub -> sub.getCommandSpec().mixins().values().stream()
                        .anyMatch(m -> m.userObject() instanceof ConfigOptions))
                .forEach(sub -> sub.getCommandSpec().usageMessage().footer(ConfigOptions.settingsTable()));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RoostException) {
                commandLine.getErr().println("roost: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cmd;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"roost " + RoostRuntime.version()};
        }
    }
}
