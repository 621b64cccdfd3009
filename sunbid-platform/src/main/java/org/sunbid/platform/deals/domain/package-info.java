/**
 * The procedures' rules as plain Java (no Spring, no JDBC): a {@link org.sunbid.platform.deals.domain.Limit} with its
 * unit and article, the dated versions of each rule ({@link org.sunbid.platform.deals.domain.RuleVersion}), the
 * {@link org.sunbid.platform.deals.domain.RuleBook} that picks the version in force at the event's Beijing date, and
 * {@link org.sunbid.platform.deals.domain.ProcedureRules}: one procedure's rules at one date with the working-day
 * calendar, which the aggregates that run a procedure (tendering's {@code Tender}) apply. Exposed to other contexts as
 * the named interface {@code rules}.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.sunbid.platform.deals.domain;
