package org.sunbid.platform.audit;

import java.util.List;

/**
 * A signed receipt for one entry (e.g. the bid submission receipt, 投标回执): the entry's leaf, a signed tree head
 * that covers it, and the inclusion proof that binds them. Checkable offline with the platform's certificate.
 *
 * @param seq            the entry
 * @param appendedAt     when it was appended (ISO-8601)
 * @param commitment     the entry's commitment (hex)
 * @param leafHash       the entry's leaf hash (hex)
 * @param head           a signed head with {@code size > seq}
 * @param inclusionPath  the audit path from the leaf to the head's root (hex)
 */
public record Receipt(long seq, String appendedAt, String commitment, String leafHash, SignedTreeHead head,
        List<String> inclusionPath) {
}
