package dev.estreamer.config;

/**
 * CEF settings of an outputter ({@code handler.outputters[].cef.*}).
 *
 * @param encoreCompatible reproduce eNcore's field choices (see docs/cef.md)
 * @param ipv6InSourceDestination also put IPv6 addresses in src/dst
 * @param deviceVersion the header's Device Version
 */
public record CefSettings(boolean encoreCompatible, boolean ipv6InSourceDestination, String deviceVersion) {
}
