package org.sunbid.crypto.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The documented draw algorithm (专家随机抽取), reproducible by anyone from published data:
 * <ol>
 *   <li>seed = SM3(secret ‖ head ‖ requestId), where {@code secret} was committed (by its hash) when the draw was
 *       requested, {@code head} is the latest signed log head's root at draw time and {@code requestId} is the draw
 *       request's id (UTF-8);</li>
 *   <li>the eligible pool (expert ids) is sorted (Unicode code-point order of the ids);</li>
 *   <li>Fisher–Yates from the last position down: for i = n−1 … 1, j = DRBG.nextBelow(i + 1), swap(i, j);</li>
 *   <li>the committee is the first k of the shuffled pool; replacements continue from position k on, in order.</li>
 * </ol>
 * Each input a party could steer is fixed before the party could know the others: the secret before the head exists,
 * the head after the secret is committed; the pool is snapshotted and its hash logged at draw time.
 */
public final class VerifiableDraw {

    private VerifiableDraw() {
    }

    /** The draw's seed from its published inputs. */
    public static byte[] seed(byte[] secret, byte[] headRoot, String requestId) {
        SM3Digest d = new SM3Digest();
        d.update(secret, 0, secret.length);
        d.update(headRoot, 0, headRoot.length);
        byte[] id = requestId.getBytes(StandardCharsets.UTF_8);
        d.update(id, 0, id.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** The pool in the order the draw ranks it: sorted, then shuffled by the seed's stream. */
    public static List<String> rank(List<String> pool, byte[] seed) {
        List<String> ranked = new ArrayList<>(pool);
        Collections.sort(ranked);
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).equals(ranked.get(i - 1))) {
                throw new IllegalArgumentException("the pool lists " + ranked.get(i) + " twice");
            }
        }
        Sm3Drbg drbg = new Sm3Drbg(seed);
        for (int i = ranked.size() - 1; i > 0; i--) {
            int j = (int) drbg.nextBelow(i + 1L);
            Collections.swap(ranked, i, j);
        }
        return ranked;
    }

    /** The first {@code k} of the ranked pool: the committee (replacements follow in rank order). */
    public static List<String> draw(List<String> pool, byte[] seed, int k) {
        if (k < 0 || k > pool.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + pool.size());
        }
        return List.copyOf(rank(pool, seed).subList(0, k));
    }
}
