package dev.estreamer.enrich;

/** Cache table names: eNcore's, so a dump of our cache reads like {@code configure.py --print metadata}. */
final class Tables {
    static final String AC_POLICIES = "acPols";
    static final String APP_PROTOCOLS = "appProtocols";
    static final String ARCHIVE_FILE_STATUS = "archiveFileStatus";
    static final String ATTRIBUTES = "attributes";
    static final String BLOCKED = "blocked";
    static final String BLOCKED_REASONS = "blockedReasons";
    static final String CLASSIFICATIONS = "classifications";
    static final String CLIENT_APPS = "clientApps";
    static final String CLOUDS = "clouds";
    static final String CORRELATION_CRITICALITY = "correlationCriticality";
    static final String CORRELATION_EVENT_TYPES = "correlationEventTypes";
    static final String CORRELATION_HOST_TYPES = "correlationHostTypes";
    static final String CORRELATION_RULES = "correlationRules";
    static final String DEVICES = "devices";
    static final String DIRECTIONS = "directions";
    static final String DNS_RECORDS = "dnsRecords";
    static final String DNS_RESPONSES = "dnsResponses";
    static final String FILE_ACTIONS = "fileActions";
    static final String FILE_DISPOSITIONS = "fileDispositions";
    static final String FILE_SANDBOXES = "fileSandboxes";
    static final String FILE_SHAS = "fileShas";
    static final String FILE_STATIC_ANALYSES = "fileStaticAnalyses";
    static final String FILE_STORAGES = "fileStorages";
    static final String FILE_TYPES = "fileTypes";
    static final String FIREAMP_DETECTORS = "fireampDetectors";
    static final String FIREAMP_SUBTYPES = "fireampSubtypes";
    static final String FIREAMP_TYPES = "fireampTypes";
    static final String FIREWALL_RULE_ACTIONS = "firewallRuleActions";
    static final String FIREWALL_RULE_REASONS = "firewallRuleReasons";
    static final String FIREWALL_RULES = "firewallRules";
    static final String GEOLOCATIONS = "geolocations";
    static final String ICMP_CODES = "icmpCodes";
    static final String ICMP_TYPES = "icmpTypes";
    static final String IDS_RULES = "idsRules";
    static final String IDS_RULES_RENDERED = "idsRulesRendered";
    static final String IMPACT = "impact";
    static final String INTERFACES = "interfaces";
    static final String IOC = "ioc";
    static final String IP_PROTOCOLS = "ipProtocols";
    static final String MALWARE_ANALYSIS = "malwareAnalysis";
    static final String MALWARE_EVENT_TYPES = "malwareEventTypes";
    static final String NETMAP_DOMAINS = "netmapDomains";
    static final String NETWORK_PROTOCOLS = "networkProtocols";
    static final String OS_FINGERPRINTS = "osFingerprints";
    static final String PAYLOADS = "payloads";
    static final String POLICIES = "policies";
    static final String PRIORITIES = "priorities";
    static final String REALMS = "realms";
    static final String SECURITY_GROUPS = "securityGroup";
    static final String SECURITY_ZONES = "securityZones";
    static final String SI_DISCOVERY = "siDiscovery";
    static final String SI_GENERAL = "siGeneral";
    static final String SI_SRC_DESTS = "siSrcDests";
    static final String SINKHOLES = "sinkholes";
    static final String SOURCE_APPS = "sourceApps";
    static final String SOURCE_DETECTORS = "sourceDetectors";
    static final String SOURCE_TYPES = "sourceTypes";
    static final String SSL_ACTIONS = "sslActions";
    static final String SSL_CERT_STATUSES = "sslCertStatuses";
    static final String SSL_CIPHER_SUITES = "sslCipherSuite";
    static final String SSL_FLOW_FLAGS = "sslFlowFlags";
    static final String SSL_FLOW_MESSAGES = "sslFlowMessages";
    static final String SSL_FLOW_STATUSES = "sslFlowStatuses";
    static final String SSL_URL_CATEGORIES = "sslUrlCategories";
    static final String SSL_VERSIONS = "sslVersions";
    static final String SYSTEM_USERS = "systemUsers";
    static final String URL_CATEGORIES = "urlCategories";
    static final String URL_REPUTATIONS = "urlReputations";
    static final String USER_PROTOCOLS = "userProtocols";
    static final String USER_AUTH_TYPES = "userAuthTypes";
    static final String VPN_TYPES = "vpnTypes";
    static final String USERS = "users";
    static final String XDATA_TYPES = "xdataTypes";
    static final String XFF_TYPES = "xffTypes";

    /**
     * Tables the FMC's metadata fills and whose misses the hold mode ({@code enrich.lateMetadata=hold}) waits
     * for: devices, domains, access-control rules and policies, intrusion rules and policies, zones,
     * interfaces, applications. Users, URL and SI categories, geolocation and the built-in tables are not awaited
     * (many events carry ids those never name).
     */
    static final java.util.Set<String> AWAITED = java.util.Set.of(DEVICES, NETMAP_DOMAINS, FIREWALL_RULES, AC_POLICIES,
            POLICIES, IDS_RULES, SECURITY_ZONES, INTERFACES, APP_PROTOCOLS, CLIENT_APPS, PAYLOADS);

    private static final String NO_UUID = "00000000-0000-0000-0000-000000000000";

    /** An id that names something: not 0, not the all-zero UUID, not empty. */
    static boolean isRealId(Object id) {
        if (id instanceof Long l) {
            return l != 0;
        }
        return id instanceof String s && !s.isEmpty() && !s.equals(NO_UUID);
    }

    private Tables() {
    }
}
