package dev.estreamer.config;

/**
 * What to ask the FMC for ({@code subscription.records}); the wire package turns the switches into
 * request flags (packetData bit 0, impactEventAlerts 5, intrusion 6, metadata 20, archiveTimestamps
 * 23, eventExtraData 27, extended 30).
 */
public record SubscriptionRecords(boolean packetData, boolean impactEventAlerts, boolean intrusion,
                                  boolean metadata, boolean archiveTimestamps, boolean eventExtraData,
                                  boolean extended, PacketEncoding packetEncoding,
                                  boolean includeOriginalPacket) {
}
