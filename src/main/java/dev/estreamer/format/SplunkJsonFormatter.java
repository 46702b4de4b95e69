package dev.estreamer.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.estreamer.EstreamerException;
import dev.estreamer.Stage;
import dev.estreamer.record.Fields;
import dev.estreamer.record.Record;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON for sourcetype {@code cisco:sfw:estreamer}, with the field names of Cisco's current Splunk app
 * (Cisco Security Cloud, 7404): an {@code EventType} discriminator and CamelCase keys
 * ({@code InitiatorIP}, {@code AC_RuleAction}, {@code IntrusionRuleMessage}, {@code FileSHA256}, …), so Splunk
 * ES content written for that sourcetype finds its fields.
 *
 * <p>Like Cisco's app this carries connection, intrusion, file and malware events; other records give nothing.
 * A name from the FMC's metadata is preferred, the raw id written when the name is unknown.
 */
public final class SplunkJsonFormatter implements Formatter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final String[][] COMMON_TAIL = {
        {"Protocol", "c:transportProtocol"},
        {"Application", "c:applicationProtocol", "applicationId"},
        {"ClientApplication", "c:clientApplication", "clientApplicationId"},
        {"WebApplication", "c:webApplication", "webApplicationId"},
        {"User", "c:user", "userId"},
        {"Device", "c:sensor"},
        {"SensorID", "deviceId"},
    };
    private static final String[][] CONNECTION = {
        {"EventType", "=ConnectionEvent"},
        {"EventSecond", "c:eventSecond"}, {"EventMicrosecond", "c:eventMicrosecond"},
        {"InstanceID", "instanceId"}, {"ConnectionID", "connectionCounter"},
        {"FirstPacketSecond", "firstPacketTimestamp"}, {"LastPacketSecond", "lastPacketTimestamp"},
        {"InitiatorIP", "initiatorIpAddress"}, {"InitiatorPort", "initiatorPort"},
        {"ResponderIP", "responderIpAddress"}, {"ResponderPort", "responderPort"}, {"ProtocolID", "protocol"},
        {"AC_RuleAction", "c:firewallRuleAction", "ruleAction"}, {"AC_RuleReason", "c:firewallRuleReason"},
        {"FirewallPolicy", "c:firewallPolicy", "policyRevision"}, {"FirewallRule", "c:firewallRule", "ruleId"},
        {"IngressInterface", "c:ingressInterface", "ingressInterface"},
        {"EgressInterface", "c:egressInterface", "egressInterface"},
        {"IngressZone", "c:ingressSecurityZone", "ingressZone"}, {"EgressZone", "c:egressSecurityZone", "egressZone"},
        {"InitiatorBytes", "initiatorTransmittedBytes"}, {"ResponderBytes", "responderTransmittedBytes"},
        {"InitiatorPackets", "initiatorTransmittedPackets"}, {"ResponderPackets", "responderTransmittedPackets"},
        {"InitiatorCountry", "c:sourceIpCountry"}, {"ResponderCountry", "c:destinationIpCountry"},
        {"SSL_FlowStatus", "c:sslFlowStatus"}, {"SSL_CipherSuite", "c:sslCipherSuite"},
        {"SSL_CertFingerprint", "sslCertificateFingerprint"}, {"SSL_Version", "c:sslVersion"},
        {"SSL_ServerCertStatus", "c:sslServerCertificateStatus"}, {"SSL_ActualAction", "c:sslActualAction"},
        {"SSL_ExpectedAction", "c:sslExpectedAction"}, {"SSL_ServerName", "sslServerName.data"},
        {"URL", "clientUrl.data"}, {"URLCategory", "c:urlCategory"}, {"URLReputation", "c:urlReputation"},
        {"UserAgent", "userAgent.data"}, {"HTTPReferer", "httpReferrer.data"}, {"DNS_Query", "dnsQuery.data"},
        {"SecurityIntelligenceEvent", "c:securityIntelligenceEvent"},
    };
    private static final String[][] INTRUSION = {
        {"EventType", "=IntrusionEvent"},
        {"EventSecond", "c:eventSecond", "eventSecond"}, {"EventMicrosecond", "eventMicrosecond"},
        {"EventID", "eventId"}, {"InstanceID", "connectionInstanceId"}, {"ConnectionID", "connectionCounter"},
        {"FirstPacketSecond", "connectionTimestamp"},
        {"InitiatorIP", "sourceIpAddress"}, {"InitiatorPort", "sourcePortOrIcmpType"},
        {"ResponderIP", "destinationIpAddress"}, {"ResponderPort", "destinationPortOrIcmpType"},
        {"ProtocolID", "ipProtocolId"}, {"PriorityID", "priorityId"}, {"GeneratorID", "generatorId"},
        {"SignatureID", "c:renderedId", "ruleId"}, {"SignatureRevision", "ruleRevision"}, {"Impact", "c:impact"},
        {"IntrusionRuleMessage", "c:message"}, {"Classification", "c:classificationDescription"},
        {"IntrusionPolicy", "c:idsPolicy", "policyUuid"}, {"InlineResult", "c:blocked"},
        {"InlineResultReason", "c:blockedReason"},
        {"FirewallPolicy", "c:firewallPolicy", "accessControlPolicyUuid"},
        {"FirewallRule", "c:firewallRule", "accessControlRuleId"},
        {"IngressInterface", "c:ingressInterface", "interfaceIngressUuid"},
        {"EgressInterface", "c:egressInterface", "interfaceEgressUuid"},
        {"IngressZone", "c:ingressSecurityZone", "securityZoneIngressUuid"},
        {"EgressZone", "c:egressSecurityZone", "securityZoneEgressUuid"},
        {"InitiatorCountry", "c:sourceIpCountry"}, {"ResponderCountry", "c:destinationIpCountry"},
        {"HTTP_Hostname", "httpHostname"}, {"HTTP_URI", "httpURI"}, {"SnortVersionID", "snortVersion"},
    };
    private static final String[][] FILE = {
        {"EventType", "=FileEvent"},
        {"EventSecond", "c:eventSecond", "fileEventTimestamp"},
        {"InstanceID", "connectionInstance"}, {"ConnectionID", "connectionCounter"},
        {"FirstPacketSecond", "connectionTimestamp"},
        {"InitiatorIP", "sourceIpAddress"}, {"InitiatorPort", "sourcePort"},
        {"ResponderIP", "destinationIpAddress"}, {"ResponderPort", "destinationPort"}, {"ProtocolID", "protocol"},
        {"FileDirection", "c:direction", "direction"}, {"FileAction", "c:fileAction", "action"},
        {"FileSHA256", "shaHash"}, {"SHA_Disposition", "c:disposition", "disposition"},
        {"SperoDisposition", "c:speroDisposition"}, {"ThreatName", "signature.data"}, {"ThreatScore", "threatScore"},
        {"FileName", "fileName.data"}, {"FileType", "c:fileType", "fileTypeId"}, {"FileSize", "fileSize"},
        {"FilePolicy", "c:filePolicy", "accessControlPolicyUuid"}, {"FileStorageStatus", "c:fileStorageStatus"},
        {"FileSandboxStatus", "c:fileSandboxStatus"}, {"URI", "uri.data"},
        {"InitiatorCountry", "c:sourceIpCountry"}, {"ResponderCountry", "c:destinationIpCountry"},
    };
    private static final String[][] MALWARE = {
        {"EventType", "=MalwareEvent"},
        {"EventSecond", "c:eventSecond", "malwareEventTimestamp"},
        {"InstanceID", "connectionInstance"}, {"ConnectionID", "connectionCounter"},
        {"FirstPacketSecond", "connectionEventTimestamp"},
        {"InitiatorIP", "sourceIpAddress"}, {"InitiatorPort", "sourcePort"},
        {"ResponderIP", "destinationIpAddress"}, {"ResponderPort", "destinationPort"}, {"ProtocolID", "protocol"},
        {"MalwareEventType", "c:malwareEventType", "eventTypeId"}, {"ThreatName", "detectionName.data",
            "c:detectionName"},
        {"Detector", "c:detector", "detectorId"}, {"FileName", "fileName.data"}, {"FilePath", "filePath.data"},
        {"FileSHA256", "fileShaHash.data"}, {"FileSize", "fileSize"}, {"FileType", "c:fileType", "fileType"},
        {"SHA_Disposition", "c:disposition", "disposition"}, {"RetroDisposition", "c:retroDisposition"},
        {"FileAction", "c:fileAction", "action"}, {"FileDirection", "c:direction", "direction"},
        {"ThreatScore", "threatScore"}, {"AgentUUID", "agentUuid"}, {"URI", "uri.data"},
        {"FilePolicy", "c:filePolicy", "accessControlPolicyUuid"},
        {"InitiatorCountry", "c:sourceIpCountry"}, {"ResponderCountry", "c:destinationIpCountry"},
    };
    private static final Map<Integer, String[][]> TYPES = Map.of(71, CONNECTION, 400, INTRUSION, 500, FILE,
            502, FILE, 125, MALWARE);

    @Override
    public byte[] format(Record record) {
        String[][] fields = TYPES.get(record.recordType());
        if (fields == null || record.fields().size() == 0) {
            return null;
        }
        ByteArrayBuilder out = new ByteArrayBuilder(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            write(g, record, fields);
            write(g, record, COMMON_TAIL);
            if (record.recordType() == 71) {
                Object first = record.fields().get("firstPacketTimestamp");
                Object last = record.fields().get("lastPacketTimestamp");
                if (first instanceof Long f && last instanceof Long l && l >= f) {
                    g.writeNumberField("ConnectionDuration", l - f);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new EstreamerException(Stage.FORMAT, "cannot render record " + record.recordType() + " as JSON", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Record record, String[][] fields) throws IOException {
        for (String[] f : fields) {
            Object v = null;
            for (int i = 1; i < f.length && v == null; i++) {
                String source = f[i];
                if (source.startsWith("=")) {
                    v = source.substring(1);
                } else if (source.startsWith("c:")) {
                    v = record.computed().get(source.substring(2));
                } else {
                    v = record.fields().path(source);
                }
            }
            if (v == null || v instanceof Fields || v instanceof List<?>) {
                continue;
            }
            g.writeFieldName(f[0]);
            if (v instanceof Long l) {
                if (l < 0) {
                    g.writeNumber(Long.toUnsignedString(l));
                } else {
                    g.writeNumber(l);
                }
            } else {
                g.writeString(v.toString());
            }
        }
    }
}
