package dev.estreamer.format;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Community ID flow hash, version 1 (seed 0), as Zeek, Suricata and Elastic compute it: SHA-1 over
 * seed, the lower endpoint's address, the other address, protocol, a pad byte and both ports, in
 * base64 with a "1:" prefix. Only for port-carrying transports (TCP, UDP, SCTP); ICMP's type/code
 * mapping is not implemented, so those flows get no id rather than a wrong one.
 */
final class CommunityId {
    private CommunityId() {
    }

    /** The id, or null when an address is not a literal or the protocol carries no ports. */
    static String of(String sourceIp, long sourcePort, String destinationIp, long destinationPort, long protocol) {
        if (protocol != 6 && protocol != 17 && protocol != 132) {
            return null;
        }
        byte[] src = literal(sourceIp);
        byte[] dst = literal(destinationIp);
        if (src == null || dst == null || src.length != dst.length) {
            return null;
        }
        int sp = (int) sourcePort & 0xFFFF;
        int dp = (int) destinationPort & 0xFFFF;
        int order = Arrays.compareUnsigned(src, dst);
        if (order > 0 || order == 0 && sp > dp) {
            byte[] t = src;
            src = dst;
            dst = t;
            int p = sp;
            sp = dp;
            dp = p;
        }
        ByteBuffer b = ByteBuffer.allocate(2 + src.length * 2 + 2 + 4);
        b.putShort((short) 0).put(src).put(dst).put((byte) protocol).put((byte) 0).putShort((short) sp).putShort((short) dp);
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(b.array());
            return "1:" + Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** Address bytes of an IP literal (IPv4-mapped IPv6 becomes 4 bytes); never a DNS lookup. */
    static byte[] literal(String ip) {
        if (ip == null || ip.isEmpty() || !ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
