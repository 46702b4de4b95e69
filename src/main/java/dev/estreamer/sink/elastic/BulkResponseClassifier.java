package dev.estreamer.sink.elastic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.estreamer.sink.Payload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: maps a bulk reply onto each document's fate, as libbeat does. Per item: 2xx acknowledged,
 * 409 a duplicate of an earlier write (acknowledged), 429 and 5xx retried, any other status
 * refused for good (dead-lettered with its reason). A reply that is not a 2xx, or whose items do not
 * line up with the request, retries the whole request: the deterministic ids make that safe.
 */
final class BulkResponseClassifier {
    private static final JsonFactory JSON = new JsonFactory();

    /** A document Elasticsearch will never take, with why. */
    record DeadLetter(Payload payload, int status, String type, String reason) {
    }

    /** The fate of one request's documents. */
    record Result(int acknowledged, int duplicates, List<Payload> retry, List<DeadLetter> dead, String retryReason) {
        static Result retryAll(List<Payload> payloads, String reason) {
            return new Result(0, 0, List.copyOf(payloads), List.of(), reason);
        }
    }

    private BulkResponseClassifier() {
    }

    static Result classify(List<Payload> payloads, int httpStatus, byte[] body) {
        if (httpStatus < 200 || httpStatus >= 300) {
            return Result.retryAll(payloads, "bulk request failed with HTTP " + httpStatus + snippet(body));
        }
        List<Item> items;
        try {
            items = items(body);
        } catch (IOException | RuntimeException e) {
            return Result.retryAll(payloads, "unreadable bulk response: " + e.getMessage());
        }
        if (items.size() != payloads.size()) {
            return Result.retryAll(payloads, "bulk response has " + items.size() + " items for " + payloads.size()
                    + " documents");
        }
        int acked = 0;
        int duplicates = 0;
        List<Payload> retry = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int s = item.status;
            if (s >= 200 && s < 300) {
                acked++;
            } else if (s == 409) {
                duplicates++;
            } else if (s == 429 || s >= 500) {
                retry.add(payloads.get(i));
                if (retryReason == null) {
                    retryReason = "item status " + s + " (" + item.type + ": " + item.reason + ")";
                }
            } else {
                dead.add(new DeadLetter(payloads.get(i), s, item.type, item.reason));
            }
        }
        return new Result(acked, duplicates, retry, dead, retryReason);
    }

    private record Item(int status, String type, String reason) {
    }

    /** Reads items[].<action>.{status, error.type, error.reason}; everything else is skipped. */
    private static List<Item> items(byte[] body) throws IOException {
        List<Item> items = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.nextToken(); // the action name
                        p.nextToken(); // its object
                        items.add(item(p));
                        p.nextToken(); // end of the item object
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return items;
    }

    private static Item item(JsonParser p) throws IOException {
        int status = -1;
        String type = "";
        String reason = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("status")) {
                status = p.getIntValue();
            } else if (field.equals("error") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("type")) {
                        type = p.getValueAsString("");
                    } else if (f.equals("reason")) {
                        reason = p.getValueAsString("");
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return new Item(status, type, reason);
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return ": " + s.replaceAll("\\s+", " ");
    }
}
