package dev.estreamer.config;

/** A requested version for one event family in the Streaming Request ({@code subscription.events[]}). */
public record EventVersionOverride(int eventType, int version) {
}
