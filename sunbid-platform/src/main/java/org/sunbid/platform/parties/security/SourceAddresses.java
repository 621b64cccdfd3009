package org.sunbid.platform.parties.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * Where a login attempt comes from, for throttling and the security events: the connection's remote address. Only when
 * that address is one of {@code sunbid.security.trusted-proxies} (a reverse proxy of the deployment) is the proxy's
 * {@code X-Forwarded-For} believed, taking the nearest address in it that is not itself a trusted proxy. With no trusted
 * proxy configured (the default) the header is ignored, so a client cannot pick its own source.
 */
@Component
class SourceAddresses implements org.sunbid.platform.parties.ClientAddress {

    private final Set<String> trustedProxies;

    SourceAddresses(SunbidProperties properties) {
        this.trustedProxies = properties.security().trustedProxies().stream().map(SourceAddresses::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The source address of {@code request}, normalised (IPv6 in its canonical form). */
    @Override
    public String of(HttpServletRequest request) {
        String remote = normalised(request.getRemoteAddr());
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalised(hops.get(i));
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** The details a login attempt carries: where it came from. */
    LoginSource detailsOf(HttpServletRequest request) {
        return new LoginSource(of(request));
    }

    /**
     * The key a source is throttled by: an IPv4 address itself, an IPv6 address by its /64 network (one subscriber's
     * share, inside which an attacker could otherwise pick a fresh address for every guess).
     */
    static String throttleKey(String source) {
        if (source.indexOf(':') < 0) {
            return source;
        }
        try {
            byte[] a = InetAddress.getByName(source).getAddress();
            if (a.length != 16) {
                return source;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return source;
        }
    }

    /** An IP literal in canonical form; anything else (not an IP literal) is kept as text, bounded in length. */
    static String normalised(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        boolean ipv4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = a.length() <= 45 && a.indexOf(':') >= 0
                && a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (ipv4 || ipv6) {
            try {
                return InetAddress.getByName(a).getHostAddress(); // an IP literal: parsed, no name lookup
            } catch (UnknownHostException e) {
                // not an address after all: fall through
            }
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** Authentication details of a login attempt. */
    record LoginSource(String address) implements java.io.Serializable {
    }
}
