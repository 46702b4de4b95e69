package dev.estreamer.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand: its options, its one-line summary and what it does. */
interface Command {
    String name();

    String summary();

    /** Usage after the command name, e.g. {@code "--config FILE"}. */
    String usage();

    Options options();

    /** Runs the command; returns the exit code. */
    int run(CommandLine line) throws Exception;
}
