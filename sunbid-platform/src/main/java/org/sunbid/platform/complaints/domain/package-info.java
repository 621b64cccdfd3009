/**
 * The rules of inquiries, challenges and complaints as plain Java (no Spring, no JDBC): immutable aggregates whose
 * transitions take {@code now} from the caller and the lot's {@link org.sunbid.platform.deals.domain.ProcedureRules},
 * count every limit with deals' {@code Limit} over the working-day calendar, and name the article they enforce.
 */
package org.sunbid.platform.complaints.domain;
