package dev.spur.tests.matchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spur.runtime.internal.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** {@link Cidr} treats IPv4 and IPv4-mapped IPv6 networks and peers alike. */
class CidrTest {

    private static InetAddress ip(String text) throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    /** An IPv4-mapped IPv6 peer as Java may hand it over: 16 bytes, not converted to IPv4. */
    private static InetAddress mappedBytes(String ipv4) throws UnknownHostException {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return java.net.Inet6Address.getByAddress(null, v6, -1);
    }

    @Test
    void aMappedNetworkAndItsIpv4NetworkHoldTheSamePeers() throws UnknownHostException {
        for (String network : new String[] {"::ffff:10.0.0.0/104", "10.0.0.0/8", "::ffff:0:0/96", "::ffff:10.0.0.0/100"}) {
            Cidr cidr = Cidr.parse(network);
            assertTrue(cidr.contains(ip("10.1.2.3")), network);
            assertTrue(cidr.contains(ip("::ffff:10.1.2.3")), network);
            assertTrue(cidr.contains(mappedBytes("10.1.2.3")), network);
        }
        Cidr tenSlash8 = Cidr.parse("::ffff:10.0.0.0/104");
        assertEquals(Cidr.parse("10.0.0.0/8"), tenSlash8);
        assertFalse(tenSlash8.contains(ip("11.1.2.3")));
        assertFalse(tenSlash8.contains(ip("::ffff:11.1.2.3")));
        assertFalse(tenSlash8.contains(ip("fd00::1")));
    }

    @Test
    void aMappedSingleAddressIsAHostNetwork() throws UnknownHostException {
        Cidr host = Cidr.parse("::ffff:192.0.2.1");
        assertTrue(host.contains(ip("192.0.2.1")));
        assertFalse(host.contains(ip("192.0.2.2")));
    }

    @Test
    void aNetworkWiderThanTheMappedRangeStaysIpv6AndHoldsMappedPeers() throws UnknownHostException {
        Cidr wide = Cidr.parse("::ffff:0:0/80");
        assertTrue(wide.contains(ip("10.1.2.3")));
        assertTrue(wide.contains(ip("::1:0:0:1")) == false);
        assertEquals("0:0:0:0:0:ffff:0:0/80", wide.toString());
    }
}
