package org.sunbid.platform.procurement.domain;

import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;

/**
 * The invitation draw (供应商随机抽取) as the expert draw runs it, with sunbid-crypto's own walk so that an outsider
 * re-computes it with the same code: one "specialty" {@value #SPECIALTY} whose pool is the supplier ids, seed =
 * SM3(secret ‖ head root ‖ draw id) ({@link VerifiableDraw#seed}), the pool sorted and shuffled by the seed's stream,
 * the first {@code count} of the ranking invited. Nobody declines an invitation within the draw, so there is no
 * replacement walk: a supplier that does not respond simply does not respond.
 */
public final class SupplierDraw {

    /** The walk's one stream. */
    public static final String SPECIALTY = "SUPPLIERS";

    private SupplierDraw() {
    }

    /** The walk's input: the pool (sorted by {@link DrawWalk.Specialty}) and the number drawn. */
    public static List<DrawWalk.Specialty> request(int count, List<String> pool) {
        return List.of(new DrawWalk.Specialty(SPECIALTY, count, pool));
    }

    /** SM3 (hex) of the pool snapshot, logged before the head the seed uses is signed. */
    public static String poolHash(int count, List<String> pool) {
        return DrawWalk.poolHash(request(count, pool));
    }

    /** The drawn supplier ids, in rank order. */
    public static List<String> drawn(byte[] secret, String headRootHex, String drawId, int count, List<String> pool) {
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(headRootHex), drawId);
        return new DrawWalk(seed, request(count, pool)).firstRound().stream().map(DrawWalk.Contact::expertId).toList();
    }
}
