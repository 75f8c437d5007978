package io.imageflow.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who a request counts against. The address is the servlet's remote address: the TCP peer, unless Spring
 * Boot was told to trust a proxy ({@code server.forward-headers-strategy=native} with
 * {@code server.tomcat.remoteip.internal-proxies}), in which case Tomcat puts the forwarded client there.
 * Forwarded headers are never read here, so a client cannot pick its own address.
 * An IPv6 client counts by its /64 network: one host is given a whole /64 and could rotate through it.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            // a literal (Tomcat gives the numeric form), so this does no name lookup
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
                }
                return network.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
