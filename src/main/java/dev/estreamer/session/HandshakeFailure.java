package dev.estreamer.session;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns a TLS failure into the cause a TAC engineer would name and its fix.
 *
 * <p>With TLS 1.3 the FMC's verdict on the client certificate arrives after the client's side of the handshake
 * has finished, so the same alerts show up on the first read as well as in the handshake itself.
 */
record HandshakeFailure(String cause, String fix) {
    static final String NEW_CLIENT = "create a new client on the FMC (System > Integration > eStreamer > Create"
            + " Client, with this host's address as the FMC sees it) and use its PKCS#12";

    /** Why {@code e} happened; {@code null} when it carries no TLS alert or certificate problem we recognise. */
    static HandshakeFailure explain(SSLException e) {
        String reason = reason(e);
        String text = allMessages(e).toLowerCase(Locale.ROOT);
        if (hasCause(e, CertPathBuilderException.class) || hasCause(e, CertPathValidatorException.class)
                || text.contains("pkix path")) {
            return new HandshakeFailure("the FMC's certificate is not signed by the CA in the PKCS#12 (" + reason
                    + "): the host is another FMC than the one that created this client, or the FMC's certificate"
                    + " was reissued", "point host at the FMC that created this client, or " + NEW_CLIENT);
        }
        if (text.contains("bad_certificate") || text.contains("certificate_unknown") || text.contains("unknown_ca")
                || text.contains("certificate_revoked") || text.contains("certificate_expired")
                || text.contains("access_denied") || text.contains("certificate_required")) {
            return new HandshakeFailure("the FMC rejected the client certificate (" + reason + "): the client was"
                    + " revoked or deleted on the FMC, or the PKCS#12 was issued by another FMC", NEW_CLIENT);
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol")) {
            return new HandshakeFailure("the FMC and this client share no TLS version (" + reason + ")",
                    "set subscription.servers[].tlsVersion to \"auto\" (TLS 1.3, else 1.2); very old FMCs need a"
                            + " JDK that still enables TLS 1.0/1.1");
        }
        if (text.contains("handshake_failure")) {
            return new HandshakeFailure("the FMC refused the handshake (" + reason + "): no cipher suite in common,"
                    + " or the client certificate was not accepted", "check tlsVersion, then " + NEW_CLIENT);
        }
        return null;
    }

    /** The innermost useful message, without the exception class names. */
    static String reason(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String allMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 4096; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
