package dev.estreamer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders {@code docs/configuration.md} from the key declarations; a test keeps the committed
 * file in sync. Regenerate with {@code java -cp target/classes:<jackson jars> dev.estreamer.config.ConfigReference docs/configuration.md}
 * or {@code mvn -o -q test -Dtest=ConfigReferenceTest -Destreamer.writeDocs=true}.
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /** The whole reference page as Markdown. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Configuration reference

                <!-- Generated from dev.estreamer.config.Keys by ConfigReference; do not edit by hand. -->

                estreamer reads one JSON file, `estreamer.conf`, in the format of Cisco's eNcore: an eNcore
                configuration loads unchanged. `default/estreamer.conf` is a complete example that works with
                the built-in simulator.

                Rules:

                - **Relative paths** (`pkcs12Filepath`, `pkcs12PasswordFile`, `dataDirectory`, `logging.filepath`,
                  and the directory of a `relfile://` stream) are resolved against **the directory of the
                  configuration file**, not the working directory. eNcore resolved them against its working
                  directory, which its launcher set to the directory holding `estreamer.conf`, so eNcore layouts
                  keep working.
                - **Comments**: JSON has none, so, as in eNcore's shipped file, any key ending in `@comment`
                  (`"@comment"`, `"start@comment"`, ...) is ignored at any level.
                - **Unknown keys are errors**, at any level, so a misspelt key cannot be silently ignored.
                  Every problem in the file is reported at once, each line naming the key path, e.g.
                  `subscription.servers[0].port: expected an integer 1-65535, got "abc"`.
                - **eNcore keys without effect** here (origin "eNcore, ignored") are accepted; each one present
                  produces an INFO line at start-up saying why it is ignored. `batchSize` and `queueSize` are
                  not ignored: they size the bounded queues between pipeline stages.
                - A `null` value means the key is absent (its default applies).
                - In paths, `[]` marks the elements of a list, e.g. `subscription.servers[].host` is the `host`
                  of each server.

                | Key | Type | Default | Origin | Description |
                |---|---|---|---|---|
                """);
        for (Key<?> key : Keys.all()) {
            String doc = key.ignoredBecause() == null ? key.doc() : key.doc() + " Ignored: " + key.ignoredBecause() + ".";
            md.append("| `").append(key.path()).append("` | ")
                    .append(cell(typeName(key.type()))).append(" | ")
                    .append(cell(defaultCell(key))).append(" | ")
                    .append(key.origin().label()).append(" | ")
                    .append(cell(doc)).append(" |\n");
        }
        return md.toString();
    }

    private static String typeName(ValueType<?> type) {
        return type.expected().replaceFirst("^(a|an) ", "");
    }

    private static String defaultCell(Key<?> key) {
        if (key.required()) {
            return "required";
        }
        return key.defaultValue() == null ? key.defaultText() : "`" + key.defaultText() + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
