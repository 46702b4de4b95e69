package dev.estreamer.session;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PKCS#12 password comes from, never the command line (it would show in {@code ps} and shell
 * history): a password file if one is configured, else an environment variable, else an interactive prompt.
 *
 * <p>An empty password is valid (the FMC's password is optional): an empty file or an environment variable
 * set to "" means exactly that. The password is never logged.
 */
public final class PasswordSource {
    public static final String DEFAULT_VARIABLE = "ESTREAMER_PKCS12_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordSource.class);

    private final String variable;
    private final Path passwordFile;
    private final Function<String, String> environment;
    private final Function<String, char[]> prompt;

    /**
     * @param variable     environment variable to read, {@link #DEFAULT_VARIABLE} when null
     * @param passwordFile file whose first line is the password, or null
     * @param environment  looks up an environment variable (System::getenv outside tests)
     * @param prompt       asks the user with the given text; returns null when there is no terminal
     */
    public PasswordSource(String variable, Path passwordFile, Function<String, String> environment,
                          Function<String, char[]> prompt) {
        this.variable = variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable;
        this.passwordFile = passwordFile;
        this.environment = Objects.requireNonNull(environment, "environment");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** The real process environment and {@link System#console()}. */
    public static PasswordSource system(String variable, Path passwordFile) {
        return new PasswordSource(variable, passwordFile, System::getenv, PasswordSource::consolePrompt);
    }

    /** The password for {@code pkcs12}, or a {@link CredentialsException} listing the three ways to provide one. */
    public char[] resolve(Path pkcs12) {
        if (passwordFile != null) {
            char[] password = readFile(passwordFile);
            LOG.debug("PKCS#12 password for {} read from file {}", pkcs12, passwordFile);
            return password;
        }
        String value = environment.apply(variable);
        if (value != null) {
            LOG.debug("PKCS#12 password for {} taken from environment variable {}", pkcs12, variable);
            return value.toCharArray();
        }
        char[] typed = prompt.apply("Password for " + pkcs12 + " (empty if none was set on the FMC): ");
        if (typed != null) {
            return typed;
        }
        throw new CredentialsException("no password for PKCS#12 " + pkcs12 + " and no terminal to ask for it: set"
                + " environment variable " + variable + ", or configure a password file (first line = password,"
                + " readable only by this user), or run the command in a terminal to be prompted");
    }

    private static char[] readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CredentialsException("password file " + file + " does not exist: create it with the PKCS#12"
                    + " password on its first line, or remove the setting to use environment variable "
                    + DEFAULT_VARIABLE + " or the prompt");
        }
        if (readableByOthers(file)) {
            LOG.warn("password file {} is readable by group or others: restrict it with chmod 600", file);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CharBuffer buffer = CharBuffer.allocate(4096);
            while (buffer.hasRemaining() && reader.read(buffer) > 0) {
                // keep reading: one line is all we need, and passwords are short
            }
            buffer.flip();
            int end = 0;
            while (end < buffer.limit() && buffer.get(end) != '\n' && buffer.get(end) != '\r') {
                end++;
            }
            char[] password = new char[end];
            buffer.get(password, 0, end);
            Arrays.fill(buffer.array(), '\0');
            if (password.length > 0 && password[0] == '\uFEFF') { // editors on Windows add a byte-order mark
                char[] rest = Arrays.copyOfRange(password, 1, password.length);
                Arrays.fill(password, '\0');
                return rest;
            }
            return password;
        } catch (IOException e) {
            throw new CredentialsException("cannot read password file " + file + " (" + e.getClass().getSimpleName()
                    + "): check that this user may read it", e);
        }
    }

    /** True when a POSIX file grants any permission to group or others; false where POSIX does not apply. */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static char[] consolePrompt(String text) {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", text);
    }
}
