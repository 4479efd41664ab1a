package org.shewhart.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code shewhart} command. Exit codes: 0 success; 2 bad usage or bad input (one line on standard error
 * naming file, row, column and value) or an output that could not be written (one line naming it and the reason:
 * {@link CannotWrite}); 1 internal error.
 */
@Command(name = "shewhart", mixinStandardHelpOptions = true, version = "shewhart 0.1.0",
        description = "Statistical process control for measurement for improvement.")
public final class Main implements Runnable {
    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

    /** The commands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("chart", ChartCommand::new);
        COMMANDS.put("scan", ScanCommand::new);
        COMMANDS.put("generate", GenerateCommand::new);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("funnel", FunnelCommand::new);
        COMMANDS.put("cusum", CusumCommand::new);
        COMMANDS.put("ewma", EwmaCommand::new);
        COMMANDS.put("capability", CapabilityCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("bcusum", BernoulliCusumCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: chart, scan, report, generate, funnel, cusum, ewma, capability, bcusum "
                        + "or demo");
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true), Progress.stderrIsTerminal()));
    }

    /**
     * Runs the command line without exiting (for tests).
     *
     * @param args command-line arguments
     * @param err where error messages go
     * @return the exit code
     */
    static int run(String[] args, PrintWriter err) {
        return run(args, err, false);
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args command-line arguments
     * @param err where error messages (and progress lines) go
     * @param progress whether long commands draw a progress line on {@code err} (standard error is a terminal)
     * @return the exit code
     */
    static int run(String[] args, PrintWriter err, boolean progress) {
        final CommandLine cli = new CommandLine(new Main());
        // picocli reads every command's options when it is added (about 0.1 s for all of them): a command line
        // that names its command gets that one alone; any other (help, a typo) gets them all
        final String named = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (named == null || named.equals(c.getKey())) {
                final Object command = c.getValue().get();
                if (command instanceof ScanCommand) {
                    ((ScanCommand) command).progress = progress;
                } else if (command instanceof GenerateCommand) {
                    ((GenerateCommand) command).progress = progress;
                }
                cli.addSubcommand(c.getKey(), command);
            }
        }
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("shewhart: " + oneLine(ex.getMessage()));
            err.println("Run 'shewhart " + commandName(ex.getCommandLine()) + "--help' for the options.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SpcInputException) {
                err.println("shewhart: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            // a failed write to an output file, passed on (and perhaps wrapped) by whatever was writing
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof CannotWrite) {
                    err.println("shewhart: " + oneLine(t.getMessage()));
                    return BAD_INPUT;
                }
            }
            err.println("shewhart: internal error: " + ex);
            if (System.getenv("SHEWHART_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set SHEWHART_DEBUG=1 for the stack trace, and please report it)");
            }
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The message as one line, whatever text it quotes: the contract is one line per error on standard error.
     * Messages quote cell values through {@code CsvTable.show}; this is the safety net for any other text.
     */
    static String oneLine(String message) {
        return String.valueOf(message).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String commandName(CommandLine c) {
        return c.getParent() == null ? "" : c.getCommandName() + " ";
    }
}
