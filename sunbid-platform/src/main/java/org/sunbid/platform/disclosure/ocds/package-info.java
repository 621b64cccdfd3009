/**
 * OCDS 1.1 open data (issue 18): every public trading project as a contracting process's releases and records
 * ({@link org.sunbid.platform.disclosure.ocds.OcdsMapping} from the owning contexts' public APIs), the API under
 * {@code /api/v1/ocds}, and the daily gzip JSON-lines bulk file whose SM3 goes to the transparency log. Internal to
 * {@code disclosure}; {@code OcdsJson} and {@code OcdsBulkFiles} are public for the benchmark and the portal page.
 */
package org.sunbid.platform.disclosure.ocds;
