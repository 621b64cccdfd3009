package org.sunbid.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Access to the BouncyCastle provider that implements the 国密 algorithms (SM2, SM3, SM4).
 *
 * <p>The provider is registered once, at the end of the JCA list, so it never changes what the JDK's own algorithms do.
 */
public final class Gm {

    /** The JCA name of the BouncyCastle provider. */
    public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    private Gm() {
    }

    /** Registers the provider if needed and returns it. */
    public static synchronized Provider provider() {
        Provider provider = Security.getProvider(PROVIDER);
        if (provider == null) {
            provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
        return provider;
    }
}
