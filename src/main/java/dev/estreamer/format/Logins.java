package dev.estreamer.format;

/** What the user records say about an authentication, shared by the ECS and CEF mappings. */
final class Logins {
    /** The authentication type of a captive portal's refusal: the only failed login the FMC reports. */
    private static final long CAPTIVE_PORTAL_FAILED = 4;

    private Logins() {
    }

    /**
     * "success" or "failure" for a login (95) or a VPN login/logoff (170/171), from its {@code authType}; null for the
     * other user records (dropped, removed, identified), which are not authentications.
     */
    static String outcome(int recordType, Object authType) {
        if (recordType != 95 && recordType != 170 && recordType != 171) {
            return null;
        }
        return authType instanceof Long auth && auth == CAPTIVE_PORTAL_FAILED ? "failure" : "success";
    }
}
