package org.sunbid.platform.parties;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request comes from, as the login throttling sees it: the connection's remote address, or behind a configured
 * trusted proxy ({@code sunbid.security.trusted-proxies}) the nearest untrusted address of its {@code X-Forwarded-For};
 * IP literals in canonical form. For other contexts that record a source (sealing's upload address, Art. 40 (二)).
 */
public interface ClientAddress {

    /** The source address of {@code request}. */
    String of(HttpServletRequest request);
}
