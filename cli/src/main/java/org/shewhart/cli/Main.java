package org.shewhart.cli;

import java.io.PrintWriter;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code shewhart} command. Exit codes: 0 success; 2 bad usage or bad input (one line on standard error
 * naming file, row, column and value); 1 internal error.
 */
@Command(name = "shewhart", mixinStandardHelpOptions = true, version = "shewhart 0.1.0",
        description = "Statistical process control for measurement for improvement.",
        subcommands = {ChartCommand.class, ScanCommand.class, GenerateCommand.class, DemoCommand.class,
            FunnelCommand.class, CusumCommand.class, EwmaCommand.class, CapabilityCommand.class, ReportCommand.class,
            BernoulliCusumCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad usage or bad input. */
    static final int BAD_INPUT = 2;

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
        cli.setErr(err);
        ((ScanCommand) cli.getSubcommands().get("scan").getCommand()).progress = progress;
        ((GenerateCommand) cli.getSubcommands().get("generate").getCommand()).progress = progress;
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
