/**
 * Fast reading of OCDS JSON lines for the screening: {@link org.sunbid.screening.read.FastProcessReader}, a
 * {@link org.sunbid.screening.cardinal.ProcessReader} that decodes only the fields Cardinal's indicators read and skips
 * the rest byte by byte (still validating the whole line as Cardinal's reader does). The CLI uses it by default; the
 * reference reader ({@code JacksonProcessReader}) stays the definition it is tested against.
 */
package org.sunbid.screening.read;
