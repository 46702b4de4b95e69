package dev.estreamer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an {@code estreamer.conf} (eNcore's JSON format, plus estreamer's own keys) into an
 * immutable {@link EstreamerConfig}, or throws one {@link ConfigException} listing every problem.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigLoader() {
    }

    /** Loads a file for a command that connects: referenced files must exist. */
    public static EstreamerConfig load(Path file) {
        return load(file, FileCheck.REQUIRE_EXISTING);
    }

    /** Loads a file; relative paths in it are resolved against its directory. */
    public static EstreamerConfig load(Path file, FileCheck fileCheck) {
        Path absolute = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(absolute.toString(),
                    List.of("cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        return parse(text, absolute, fileCheck);
    }

    /**
     * Loads configuration text as if it were the file {@code source} (which need not exist);
     * relative paths resolve against {@code source}'s directory.
     */
    public static EstreamerConfig parse(String json, Path source, FileCheck fileCheck) {
        Path absolute = source.toAbsolutePath().normalize();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(absolute.toString(), List.of(syntax(e)));
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(absolute.toString(), List.of("the file is empty; expected a JSON object"));
        }
        Problems problems = new Problems();
        new KeyTree(Keys.all()).check(root, problems);
        EstreamerConfig config = root.isObject()
                ? new ConfigBinder(absolute, fileCheck, problems).bind(root)
                : null;
        if (!problems.isEmpty()) {
            throw new ConfigException(absolute.toString(), problems.list());
        }
        return config;
    }

    private static String syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + "invalid JSON: " + e.getOriginalMessage();
    }
}
