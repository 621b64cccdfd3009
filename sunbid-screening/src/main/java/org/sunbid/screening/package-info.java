/**
 * Screening for bid rigging (围标串标), standing alone so that a province can run it over any platform's data: the
 * OCP Cardinal red-flag indicators over OCDS compiled releases (JSON lines) with Cardinal's settings file and output
 * ({@code java -jar sunbid-screening.jar indicators [--no-meta] [--settings FILE] INPUT.jsonl}), the bid screens of one
 * lot against comparable lots, and the co-bidding networks across deals. Plain Java; the platform and the Spark module
 * use it as a library.
 */
package org.sunbid.screening;
