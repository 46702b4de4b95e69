package dev.estreamer.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The configuration of the flag-driven launchers ({@code estreamer-cef}, {@code estreamer-elastic}) without a file. */
final class StandaloneConfig {
    private StandaloneConfig() {
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
