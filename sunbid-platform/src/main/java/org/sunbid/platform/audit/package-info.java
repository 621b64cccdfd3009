/**
 * The transparency log (全程留痕、永久可溯): every state-changing command appends an entry in its own transaction; the
 * entries are the leaves of an RFC 9162 Merkle tree (SM3) whose heads the platform signs and publishes, so anyone
 * can prove that nothing was removed or rewritten. Entries that would reveal a secret before its time are sealed:
 * only a commitment is public until then.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit (transparency log)")
package org.sunbid.platform.audit;
