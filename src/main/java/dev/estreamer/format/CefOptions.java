package dev.estreamer.format;

import java.util.Objects;

/**
 * Choices of the CEF rendering.
 *
 * @param deviceVersion the header's Device Version (eNcore always wrote {@code 6.0})
 * @param encoreCompatible reproduce eNcore's field-name choices that ArcSight parsers may depend on:
 *        initiator bytes as {@code bytesOut}, responder bytes as {@code bytesIn}; the malware {@code cs4Label}
 *        {@code speroDisposition} (its value is the retrospective disposition); connection {@code proto} as a number
 * @param ipv6InSourceDestination also put IPv6 addresses in {@code src}/{@code dst} (for receivers that accept
 *        them); IPv6 always goes to {@code c6a2}/{@code c6a3}
 */
public record CefOptions(String deviceVersion, boolean encoreCompatible, boolean ipv6InSourceDestination) {
    /** Standards-correct output, Device Version 6.0 (what ArcSight content for eNcore expects). */
    public static final CefOptions DEFAULTS = new CefOptions("6.0", false, false);

    public CefOptions {
        Objects.requireNonNull(deviceVersion, "deviceVersion");
    }

    public CefOptions withEncoreCompatible(boolean on) {
        return new CefOptions(deviceVersion, on, ipv6InSourceDestination);
    }

    public CefOptions withIpv6InSourceDestination(boolean on) {
        return new CefOptions(deviceVersion, encoreCompatible, on);
    }
}
