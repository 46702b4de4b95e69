package dev.estreamer.sink.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estreamer.sink.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs (or updates: every call is an idempotent PUT) the component templates, the index template
 * and, when the cluster has ILM, the lifecycle policy, from the JSON shipped in the JAR (a copy of
 * {@code elastic/}). It adapts to what the cluster supports and says so: retention goes through data
 * stream lifecycle without ILM, and mapping types the cluster lacks fall back (e.g.
 * {@code match_only_text} to {@code text}).
 */
public final class TemplateInstaller {
    private static final Logger log = LoggerFactory.getLogger(TemplateInstaller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String POLICY = "cisco_firepower";
    static final List<String> COMPONENTS = List.of("cisco_firepower@settings", "cisco_firepower@mappings");
    static final String INDEX_TEMPLATE = "logs-cisco_firepower";
    private static final Map<String, String> FALLBACK = Map.of("match_only_text", "text", "constant_keyword", "keyword",
            "wildcard", "keyword");
    private static final Pattern MISSING_TYPE = Pattern.compile("mapper type \\[([a-z_]+)\\]|No handler for type \\[([a-z_]+)\\]");

    /** What set-up did: whether ILM is used, and notes on every fallback. */
    public record Result(boolean ilm, List<String> notes) {
    }

    private final ElasticTransport transport;

    TemplateInstaller(ElasticTransport transport) {
        this.transport = transport;
    }

    /** An installer using the sink's connection (hosts, TLS, credentials). */
    public static TemplateInstaller of(ElasticSink sink) {
        return new TemplateInstaller(sink.transport());
    }

    /**
     * @param retention how long to keep documents, e.g. {@code 30d}
     * @throws SinkException with a sentence naming the cause (credentials, privileges, unreachable cluster)
     */
    public Result install(String retention) {
        List<String> notes = new ArrayList<>();
        try {
            boolean ilm = hasIlm();
            ObjectNode settings = resource("component_template.cisco_firepower@settings.json");
            ObjectNode index = resource("index_template.logs-cisco_firepower.json");
            if (ilm) {
                ObjectNode policy = resource("ilm_policy.cisco_firepower.json");
                ((ObjectNode) policy.at("/policy/phases/delete")).put("min_age", retention);
                put("/_ilm/policy/" + POLICY, policy, notes);
                ((ObjectNode) settings.at("/template/settings/index")).putObject("lifecycle").put("name", POLICY);
                ((ObjectNode) index.get("template")).remove("lifecycle");
            } else {
                ((ObjectNode) index.at("/template/lifecycle")).put("data_retention", retention);
                notes.add("ILM is not available on this cluster; retention of " + retention
                        + " is applied through data stream lifecycle");
            }
            put("/_component_template/cisco_firepower@settings", settings, notes);
            put("/_component_template/cisco_firepower@mappings", resource("component_template.cisco_firepower@mappings.json"), notes);
            put("/_index_template/" + INDEX_TEMPLATE, index, notes);
            notes.forEach(n -> log.info("Elasticsearch set-up: {}", n));
            return new Result(ilm, List.copyOf(notes));
        } catch (IOException e) {
            throw new SinkException("cannot reach Elasticsearch at " + transport + " for set-up: " + e.getMessage(), e);
        }
    }

    private boolean hasIlm() throws IOException {
        ElasticTransport.Reply r = transport.request("GET", "/_ilm/policy/" + POLICY, null);
        check(r, "GET /_ilm/policy");
        if (r.status() >= 500) {
            // a busy or recovering cluster says nothing about ILM; guessing "no ILM" would install the wrong retention
            throw new SinkException("Elasticsearch at " + transport + " answered HTTP " + r.status()
                    + " to GET /_ilm/policy during set-up; it is tried again");
        }
        return r.status() == 200 || r.status() == 404 && r.text().contains("resource_not_found");
    }

    /** PUTs a template; on a missing mapping type, swaps in its fallback everywhere and tries again. */
    private void put(String path, ObjectNode body, List<String> notes) throws IOException {
        for (int attempt = 0; attempt < FALLBACK.size() + 1; attempt++) {
            ElasticTransport.Reply r = transport.request("PUT", path, JSON.writeValueAsString(body));
            if (r.status() >= 200 && r.status() < 300) {
                return;
            }
            check(r, "PUT " + path);
            Matcher m = MISSING_TYPE.matcher(r.text());
            String missing = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
            if (r.status() != 400 || missing == null || !FALLBACK.containsKey(missing)) {
                throw new SinkException("Elasticsearch refused " + path + " (HTTP " + r.status() + "): " + r.text());
            }
            replaceType(body, missing, FALLBACK.get(missing));
            notes.add("this cluster has no '" + missing + "' field type; mapped those fields as '" + FALLBACK.get(missing) + "'");
        }
        throw new SinkException("Elasticsearch kept refusing " + path);
    }

    private static void check(ElasticTransport.Reply r, String what) {
        if (r.status() == 401) {
            throw new SinkException("Elasticsearch refused the credentials (HTTP 401 on " + what
                    + "); check elasticsearch.apiKey or username/password");
        }
        if (r.status() == 403) {
            throw new SinkException("the Elasticsearch user lacks the privileges set-up needs (HTTP 403 on " + what
                    + ": manage_index_templates, and manage_ilm where ILM is used); run 'estreamer-elastic setup' once "
                    + "as an administrator and set elasticsearch.setup to false");
        }
    }

    private static void replaceType(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode o) {
            JsonNode type = o.get("type");
            if (type != null && type.isTextual() && type.asText().equals(from)) {
                o.put("type", to);
            }
            o.elements().forEachRemaining(child -> replaceType(child, from, to));
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(child -> replaceType(child, from, to));
        }
    }

    static ObjectNode resource(String name) {
        try (InputStream in = TemplateInstaller.class.getResourceAsStream("/dev/estreamer/elastic/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /dev/estreamer/elastic/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + name, e);
        }
    }
}
