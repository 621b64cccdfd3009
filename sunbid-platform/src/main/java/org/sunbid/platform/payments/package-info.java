/**
 * Payments (保证金): a virtual deposit sub-account per registration, banks behind the {@link
 * org.sunbid.platform.payments.Bank} port (a sandbox bank adapter here), SM2-signed bank notifications handled
 * idempotently, refund instructions with their own states, and electronic guarantees (电子保函) verified on upload.
 * Deposits are as confidential as registrations until bidding closes. {@link org.sunbid.platform.payments.Deposits}
 * is the context's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.sunbid.platform.payments;
