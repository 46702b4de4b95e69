package dev.estreamer.config;

/**
 * One output: a format and where its lines go ({@code handler.outputters[]}).
 *
 * @param elasticsearch the elasticsearch.* options for an elasticsearch:// stream, else null
 * @param name label for logs and metrics; the adapter word (plus the index when repeated) if not configured
 */
public record Outputter(String name, Adapter adapter, boolean enabled, StreamUri uri, StreamOptions options,
                        ElasticOutput elasticsearch) {

    /** An outputter without Elasticsearch options (every scheme but elasticsearch://). */
    public Outputter(String name, Adapter adapter, boolean enabled, StreamUri uri, StreamOptions options) {
        this(name, adapter, enabled, uri, options, null);
    }
}
