/**
 * Electronic evaluation (电子评标): price formulas, aggregation and ranking in plain Java ({@code domain}); the committee
 * workspace, the report and the award come with their issue. Nothing outside this context depends on it yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.sunbid.platform.evaluation;
