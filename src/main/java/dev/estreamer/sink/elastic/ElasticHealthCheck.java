package dev.estreamer.sink.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Asks the cluster what the sink will need: that it answers, accepts the credentials and is not red. */
public final class ElasticHealthCheck {
    private final ElasticTransport transport;

    public ElasticHealthCheck(ElasticSink sink) {
        this.transport = sink.transport();
    }

    /** The verdict and a sentence for the log. */
    public record Health(boolean healthy, String message) {
    }

    public Health check() {
        try {
            ElasticTransport.Reply r = transport.request("GET", "/_cluster/health", null);
            if (r.status() == 401 || r.status() == 403) {
                return new Health(false, "Elasticsearch at " + transport + " refused the credentials (HTTP " + r.status() + ")");
            }
            if (r.status() != 200) {
                return new Health(false, "Elasticsearch at " + transport + " answered HTTP " + r.status());
            }
            JsonNode json = new ObjectMapper().readTree(r.body());
            String status = json.path("status").asText("unknown");
            return new Health(!status.equals("red"), "Elasticsearch cluster " + json.path("cluster_name").asText("?")
                    + " at " + transport + " is " + status);
        } catch (IOException | RuntimeException e) {
            return new Health(false, "Elasticsearch at " + transport + " is unreachable: " + e.getMessage());
        }
    }
}
