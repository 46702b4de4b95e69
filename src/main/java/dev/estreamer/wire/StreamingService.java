package dev.estreamer.wire;

/** One service entry of a Streaming Information message: its id and the bytes after its length. */
public record StreamingService(int serviceId, byte[] body) {
}
