/**
 * Intermediary service selection (中介超市, 中介服务一站通选, issue 20): intermediaries (招标代理, 造价咨询, 工程监理, 设计,
 * 资产评估, 测绘 … as maintained data) register their service kinds, qualifications and service areas, reviewed by the
 * trading centre's staff; an owner requests a service and picks the intermediary by the verifiable random draw (the
 * expert draw's algorithm, checked by {@code sunbid-verifier verify-draw}), by the lowest quote (hidden until the
 * deadline) or directly within a region's dated threshold; only intermediaries registered for the kind and area, with a
 * qualification valid at the time and not barred by credit ({@code credit.CreditChecks}, gate AGENCY_SELECTION) are
 * eligible; the owner rates the service afterwards. Owns the {@code intermediary*} tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intermediaries")
package org.sunbid.platform.intermediaries;
