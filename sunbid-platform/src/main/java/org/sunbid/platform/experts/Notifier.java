package org.sunbid.platform.experts;

import java.security.cert.X509Certificate;

/**
 * The port through which drawn experts are called (voice call / SMS in production, a sandbox here). The gateway
 * delivers the experts' replies back to {@code POST /api/v1/experts/notifier/replies}, signed with its certificate.
 */
public interface Notifier {

    /** Sends {@code text} to {@code phone}. */
    void send(String phone, String text);

    /** The certificate the gateway signs its reply notifications with. */
    X509Certificate certificate();
}
