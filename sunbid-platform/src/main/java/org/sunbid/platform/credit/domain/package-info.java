/**
 * The credit context's plain-Java rules for its cases (no Spring, no SQL): {@link org.sunbid.platform.credit.domain.CreditCase},
 * the apply → accept → decide steps of a repair (信用修复管理办法 Art. 16) and the file → decide steps of an objection
 * (Art. 18), each with its working-day dues.
 */
package org.sunbid.platform.credit.domain;
