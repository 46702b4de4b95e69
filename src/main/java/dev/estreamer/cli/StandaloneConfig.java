package dev.estreamer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** The configuration of the flag-driven launchers ({@code estreamer-cef}, {@code estreamer-elastic}) without a file. */
final class StandaloneConfig {
    private StandaloneConfig() {
    }

    /**
     * The JSON object of {@code --config FILE} (whose absolute path is {@code source}), refusing the FMC flags
     * beside it: a file and flags that each name an FMC would leave one of them silently unused.
     */
    static ObjectNode fromFile(CommandLine line, Path source) throws IOException {
        if (line.hasOption("fmc") || line.hasOption("pkcs12")) {
            throw new UsageException("give either --config FILE or --fmc/--pkcs12, not both");
        }
        try {
            return (ObjectNode) new ObjectMapper().readTree(Files.readString(source, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such configuration file: " + source);
        } catch (ClassCastException e) {
            throw new UsageException(source + " is not a JSON object");
        }
    }

    /**
     * One FMC from {@code --fmc HOST[:PORT]} (port 8302 by default, IPv6 in brackets), resuming from its bookmark,
     * logging to {@code logFile}; the caller adds its outputter.
     */
    static ObjectNode forFmc(String fmc, String pkcs12Path, String logFile) {
        String host = fmc;
        int port = 8302;
        int colon = fmc.lastIndexOf(':');
        if (colon > 0 && fmc.indexOf(':') == colon) {
            host = fmc.substring(0, colon);
            try {
                port = Integer.parseInt(fmc.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--fmc expects HOST[:PORT], got \"" + fmc + "\"");
            }
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("enabled", true);
        root.put("start", 2);
        root.withObjectProperty("logging").put("filepath", logFile);
        ObjectNode server = root.withObjectProperty("subscription").putArray("servers").addObject();
        server.put("host", host.replaceAll("^\\[|\\]$", ""));
        server.put("port", port);
        server.put("pkcs12Filepath", pkcs12Path);
        return root;
    }
}
