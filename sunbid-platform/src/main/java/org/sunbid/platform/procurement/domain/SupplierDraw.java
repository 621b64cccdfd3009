package org.sunbid.platform.procurement.domain;

import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;

/**
 * The invitation draw (供应商随机抽取) as the expert draw runs it, with sunbid-crypto's own walk so that an outsider
 * re-computes it with the same code: one "specialty" {@value #SPECIALTY} whose pool is the supplier ids, seed =
 * SM3(secret ‖ head root ‖ draw id) ({@link VerifiableDraw#seed}), the pool sorted and shuffled by the seed's stream,
 * the first {@code count} of the ranking invited. Nobody declines an invitation within the draw: a supplier that does
 * not respond simply does not respond. One walk goes on past the first {@code count}: a drawn supplier a credit record
 * bars at the reveal is replaced by the next of the same ranking ({@link DrawWalk#next}, as the expert draw replaces a
 * decline), so the drawn list is always a prefix of the ranking and anyone re-computes it.
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

    /** The whole ranking of the pool by the seed (the first {@code count} are {@link #drawn}; the rest replace in order). */
    public static List<String> ranking(byte[] secret, String headRootHex, String drawId, int count, List<String> pool) {
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(headRootHex), drawId);
        return new DrawWalk(seed, request(count, pool)).ranking(SPECIALTY);
    }

    /** The drawn supplier ids, in rank order. */
    public static List<String> drawn(byte[] secret, String headRootHex, String drawId, int count, List<String> pool) {
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(headRootHex), drawId);
        return new DrawWalk(seed, request(count, pool)).firstRound().stream().map(DrawWalk.Contact::expertId).toList();
    }
}
