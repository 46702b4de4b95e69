/**
 * The command line: one launcher with subcommands. The only package that parses arguments or
 * calls {@link System#exit}. Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.
 */
package dev.estreamer.cli;
