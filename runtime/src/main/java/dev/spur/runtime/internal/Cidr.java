package dev.spur.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network from {@code @Match(remote = ...)}. An IPv4-mapped IPv6 peer
 * ({@code ::ffff:a.b.c.d}) is matched as its IPv4 address, and an IPv4-mapped network is its IPv4
 * network: {@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}, so it and {@code 10.0.0.0/8} both
 * hold {@code 10.1.2.3} and {@code ::ffff:10.1.2.3}. A mapped network wider than the mapped range
 * ({@code ::ffff:0:0/80}) stays an IPv6 network, which holds IPv4 peers by their mapped form.
 *
 * @param network the network's address bytes (4 or 16)
 * @param prefix  the prefix length in bits
 */
public record Cidr(byte[] network, int prefix) {

    /** Copies the bytes. */
    public Cidr {
        network = network.clone();
    }

    /** Parses {@code address/prefix} (or a single address); the processor has checked the syntax. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4 && address.contains(":")) {
                // IPv4-mapped: Java gives the IPv4 bytes, and the prefix counts the IPv6 form's bits.
                int prefix = slash < 0 ? 128 : Integer.parseInt(text.substring(slash + 1));
                return prefix >= 96 ? new Cidr(bytes, prefix - 96) : new Cidr(mapped(bytes), prefix);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(bytes, prefix);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    /** Whether {@code address} lies in this network. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && network.length == 4 && isIpv4Mapped(bytes)) {
            bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
        } else if (bytes.length == 4 && network.length == 16) {
            bytes = mapped(bytes);
        }
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /** The IPv4-mapped IPv6 form {@code ::ffff:a.b.c.d} of IPv4 {@code bytes}. */
    private static byte[] mapped(byte[] bytes) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefix == that.prefix && java.util.Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            InetAddress address = network.length == 16 ? java.net.Inet6Address.getByAddress(null, network, -1)
                    : InetAddress.getByAddress(network);
            return address.getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
