package dev.estreamer.cli;

import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;

/** The command line is wrong; exit code 2. */
final class UsageException extends EstreamerException {
    UsageException(String message) {
        super(Stage.CLI, message);
    }
}
