/**
 * The rules of inquiries, challenges and complaints as plain Java (no Spring, no JDBC): immutable aggregates whose
 * transitions take {@code now} from the caller and the lot's {@link org.sunbid.platform.deals.domain.ProcedureRules},
 * count every limit with deals' {@code Limit} over the working-day calendar, and name the article they enforce.
 * Exposed as the named interface {@code rules}: the views and the workbench's forms name its enums and records.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.sunbid.platform.complaints.domain;
