/**
 * Sealing (密封): nobody can open a bid early, not even the platform's operators. At publication each tender gets an
 * SM2 opening key pair; the private key's scalar is split k-of-n (Shamir) among custodians — the trading centre, the
 * supervision department and the tenderee — each share encrypted to the custodian's certificate, and the private key
 * is not kept. The envelope format and the sharing are the plain-Java {@code sunbid-sealing} library, shared with the
 * bidder tool. {@link org.sunbid.platform.sealing.TenderKeys} is the context's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sealing")
package org.sunbid.platform.sealing;
