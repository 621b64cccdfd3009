/**
 * Payments (保证金): a virtual deposit sub-account per registration, banks behind the {@link
 * org.sunbid.platform.payments.Bank} port (a sandbox bank adapter here), SM2-signed bank notifications applied once
 * per bank transaction (a payment not from the bidder's basic account is refused and flagged at closing, Reg. 26),
 * refund instructions with their own states (after the award with the bank's interest, Reg. 57; overdue ones
 * flagged), and electronic guarantees (电子保函) verified on upload. Deposits are as confidential as registrations
 * until bidding closes. {@link org.sunbid.platform.payments.Deposits} is the context's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.sunbid.platform.payments;
