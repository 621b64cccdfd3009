/**
 * The supervisors' warning queue (监督预警, issue 19): {@link org.sunbid.platform.supervision.warnings.WarningQueue}
 * implements {@link org.sunbid.platform.supervision.Warnings} (a warning raised once per source and key, in the
 * transparency log), shows each supervisor the warnings of its region's subtree and moves a warning through triage,
 * investigation notes and a decision with its legal basis (dismissed, corrected, referred, sanctioned); a correction
 * (责令改正) is tracked to its end. The life of a warning is the plain-Java state machine {@code WarningCase}; the
 * sweep {@code WarningSweep} brings the flags other contexts compute into the queue. Named interface {@code warnings}:
 * the workbench's pages read and act through {@code WarningQueue} and its records.
 */
@org.springframework.modulith.NamedInterface("warnings")
package org.sunbid.platform.supervision.warnings;
