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
            LightRankerCommand.class,
            CommunitiesCommand.class,
            BenchCommand.class,
            EvalCommand.class,
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
            // Anything else is a failure Roost did not foresee: say what it was in one line; the
            // stack trace is for developers (ROOST_DEBUG=1).
            commandLine.getErr().println("roost: unexpected error: " + rootCause(e));
            if (System.getenv("ROOST_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("roost: run with ROOST_DEBUG=1 for the stack trace");
            }
            return 1;
        });
        return cmd;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e) : e + " (cause: " + t + ")";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"roost " + RoostRuntime.version()};
        }
    }
}
