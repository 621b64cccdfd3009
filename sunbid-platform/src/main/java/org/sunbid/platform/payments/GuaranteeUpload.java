package org.sunbid.platform.payments;

/**
 * An electronic guarantee (电子保函) as the issuer hands it over: the guarantee document (JSON text, signed exactly as
 * given), the issuer's SM3withSM2 signature over its UTF-8 bytes (base64) and the issuer's certificate (PEM).
 *
 * <p>Document fields: guaranteeNo, tenderId, projectCode, applicantCreditCode (the bidder), beneficiaryCreditCode (the
 * tenderee), amount (yuan), validFrom, validUntil (ISO-8601 instants).
 */
public record GuaranteeUpload(String document, String signature, String issuerCertificate) {
}
