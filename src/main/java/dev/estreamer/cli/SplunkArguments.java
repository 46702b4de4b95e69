package dev.estreamer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.sink.splunk.Scheme;
import dev.estreamer.sink.splunk.Scheme.Argument;
import dev.estreamer.sink.splunk.Scheme.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of an {@code [estreamer://name]} stanza: declared once here (the scheme, the add-on's
 * README/inputs.conf.spec and its test all follow this list), checked, and turned into an estreamer.conf
 * document so a stanza goes through the same configuration validation as {@code run}.
 */
final class SplunkArguments {
    static final String SCHEME = "estreamer";
    /** The add-on's app id: its storage/passwords realm and its directory name. */
    static final String APP = "TA-estreamer";
    static final String FORMAT_KV = "kv";
    static final String FORMAT_JSON = "json";
    static final String KV_SOURCETYPE = "cisco:estreamer:data";
    static final String JSON_SOURCETYPE = "cisco:sfw:estreamer";

    private static final Pattern HOST_LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    static final List<Argument> ARGUMENTS = List.of(
            new Argument("fmc_host", "FMC host", "Address of the Firepower Management Center (host name or IP address)",
                    DataType.STRING, "validate(match('fmc_host', '^[A-Za-z0-9.:\\[\\]-]+$'),"
                    + " \"fmc_host must be a host name or IP address\")", true),
            new Argument("fmc_port", "FMC port", "eStreamer port of the FMC (default 8302)", DataType.NUMBER,
                    "validate(is_port('fmc_port'), \"fmc_port must be a port number 1-65535\")", false),
            new Argument("pkcs12_file", "PKCS#12 file", "Absolute path of the client PKCS#12 downloaded from the FMC"
                    + " (System > Integration > eStreamer)", DataType.STRING,
                    "validate(match('pkcs12_file', '^(/|[A-Za-z]:)'), \"pkcs12_file must be an absolute path\")", true),
            new Argument("pkcs12_password_name", "Password credential",
                    "Name of the credential in Splunk's secure storage (realm TA-estreamer) holding the PKCS#12 password;"
                    + " default: the input's name", DataType.STRING,
                    "validate(len('pkcs12_password_name') <= 1024, \"pkcs12_password_name is too long\")", false),
            new Argument("start", "Start", "0 = everything the FMC holds, 1 = from now, 2 = from the bookmark (default)",
                    DataType.NUMBER, "validate(match('start', '^[012]$'), \"start must be 0, 1 or 2\")", false),
            new Argument("format", "Event format", "kv = eNcore key=value (sourcetype cisco:estreamer:data, default);"
                    + " json = Cisco's cisco:sfw:estreamer JSON", DataType.STRING,
                    "validate(match('format', '^(kv|json)$'), \"format must be kv or json\")", false),
            new Argument("write_metadata", "Write metadata", "Also index metadata records (names of rules, zones, ...);"
                    + " default false", DataType.BOOLEAN, "is_bool('write_metadata')", false),
            new Argument("write_packets", "Write packets", "Index packet records (hex); default true", DataType.BOOLEAN,
                    "is_bool('write_packets')", false),
            new Argument("tls_version", "TLS version", "auto (default), 1.2 or 1.3", DataType.STRING,
                    "validate(match('tls_version', '^(auto|1\\.2|1\\.3)$'), \"tls_version must be auto, 1.2 or 1.3\")",
                    false),
            new Argument("verify_server_certificate", "Verify FMC certificate",
                    "Verify the FMC's certificate against the CA in the PKCS#12 (default true)", DataType.BOOLEAN,
                    "is_bool('verify_server_certificate')", false));

    private SplunkArguments() {
    }

    /**
     * The scheme: external validation, and a single instance, so one JVM serves every FMC (splunkd restarts it
     * when an input is added, edited or disabled; each stanza resumes from its bookmark).
     */
    static Scheme scheme() {
        return new Scheme("Cisco Secure Firewall eStreamer",
                "Streams events from a Firepower Management Center over eStreamer, with nothing lost across restarts",
                true, true, ARGUMENTS);
    }

    /** The input's short name: {@code estreamer://fmc1} gives {@code fmc1}. */
    static String shortName(String stanza) {
        int sep = stanza.indexOf("://");
        return sep < 0 ? stanza : stanza.substring(sep + 3);
    }

    /** Every problem of a stanza's parameters, each naming the parameter; empty when it is fine. */
    static List<String> problems(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        String host = params.getOrDefault("fmc_host", "").trim();
        if (host.isEmpty()) {
            problems.add("fmc_host is required");
        } else if (!validHost(host)) {
            problems.add("fmc_host \"" + host + "\" is not a host name or IP address");
        }
        String port = params.getOrDefault("fmc_port", "8302").trim();
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                problems.add("fmc_port " + port + " is out of range (1-65535)");
            }
        } catch (NumberFormatException e) {
            problems.add("fmc_port \"" + port + "\" is not a number (1-65535)");
        }
        String file = params.getOrDefault("pkcs12_file", "").trim();
        if (file.isEmpty()) {
            problems.add("pkcs12_file is required: the client PKCS#12 downloaded from the FMC");
        } else if (!Path.of(file).isAbsolute()) {
            problems.add("pkcs12_file \"" + file + "\" must be an absolute path");
        } else if (!Files.isReadable(Path.of(file))) {
            problems.add("pkcs12_file " + file + " does not exist or is not readable by splunkd");
        }
        check(problems, params, "start", "0|1|2", "0, 1 or 2");
        check(problems, params, "format", "kv|json", "kv or json");
        check(problems, params, "tls_version", "auto|1\\.2|1\\.3", "auto, 1.2 or 1.3");
        for (String flag : List.of("write_metadata", "write_packets", "verify_server_certificate")) {
            if (params.containsKey(flag) && bool(params.get(flag)) == null) {
                problems.add(flag + " \"" + params.get(flag) + "\" is not a boolean (true/false, 1/0)");
            }
        }
        return problems;
    }

    private static void check(List<String> problems, Map<String, String> params, String name, String regex,
            String expected) {
        String v = params.get(name);
        if (v != null && !v.isBlank() && !v.trim().matches(regex)) {
            problems.add(name + " \"" + v + "\" must be " + expected);
        }
    }

    static boolean validHost(String host) {
        if (host.length() > 253) {
            return false;
        }
        var ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (host.contains(":")) {
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return literal.matches("(?i)[0-9a-f:.]+") && literal.contains("::") || literal.split(":", -1).length == 8;
        }
        for (String label : host.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !host.matches("[0-9.]+");
    }

    /** Splunk's boolean words; null when the text is none of them. */
    static Boolean bool(String v) {
        return switch (v == null ? "" : v.trim().toLowerCase()) {
            case "1", "true", "t", "yes", "y", "on" -> true;
            case "0", "false", "f", "no", "n", "off" -> false;
            default -> null;
        };
    }

    private static boolean flag(Map<String, String> params, String name, boolean fallback) {
        Boolean b = bool(params.get(name));
        return b == null ? fallback : b;
    }

    static String format(Map<String, String> params) {
        String f = params.getOrDefault("format", "").trim();
        return f.isEmpty() ? FORMAT_KV : f;
    }

    /** The estreamer.conf document for one stanza (its bookmark and metadata journal in {@code dataDirectory}). */
    static String config(String stanza, Map<String, String> params, Path dataDirectory) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("enabled", true);
        String start = params.getOrDefault("start", "").trim();
        root.put("start", start.isEmpty() ? 2 : Integer.parseInt(start));
        root.put("dataDirectory", dataDirectory.toString());
        ObjectNode logging = root.putObject("logging");
        logging.put("filepath", "");
        logging.put("stdOut", false);
        logging.put("stdErr", true);
        ObjectNode server = root.putObject("subscription").putArray("servers").addObject();
        server.put("name", shortName(stanza));
        server.put("host", params.get("fmc_host").trim());
        String port = params.getOrDefault("fmc_port", "").trim();
        server.put("port", port.isEmpty() ? 8302 : Integer.parseInt(port));
        server.put("pkcs12Filepath", params.get("pkcs12_file").trim());
        String tls = params.getOrDefault("tls_version", "").trim();
        server.put("tlsVersion", tls.isEmpty() ? "auto" : tls);
        server.put("verifyServerCertificate", flag(params, "verify_server_certificate", true));
        ObjectNode handler = root.putObject("handler");
        ObjectNode records = handler.putObject("records");
        records.put("metadata", flag(params, "write_metadata", false));
        records.put("packets", flag(params, "write_packets", true));
        ArrayNode outputters = handler.putArray("outputters");
        ObjectNode out = outputters.addObject();
        out.put("name", "splunk");
        out.put("adapter", format(params).equals(FORMAT_JSON) ? "json" : "splunk");
        out.putObject("stream").put("uri", "stdout://");
        return root.toPrettyString();
    }
}
