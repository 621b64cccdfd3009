package org.sunbid.platform.intermediaries.domain;

import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;

/**
 * The random draw of an intermediary (随机抽取) exactly as the expert draw and the invitation draw run it, with
 * sunbid-crypto's own walk so that {@code sunbid-verifier verify-draw} re-computes it with the same code: one stream
 * {@value #STREAM} whose pool is the eligible intermediaries' organisation ids, seed = SM3(secret ‖ head root ‖ draw id),
 * the pool sorted and shuffled by the seed's stream, the first of the ranking selected. An intermediary does not decline
 * within the draw, so there is no replacement walk.
 */
public final class IntermediaryDraw {

    /** The walk's one stream (the "specialty" of the published record). */
    public static final String STREAM = "INTERMEDIARIES";

    private IntermediaryDraw() {
    }

    /** The walk's input: one to draw from the pool. */
    public static List<DrawWalk.Specialty> request(List<String> pool) {
        return List.of(new DrawWalk.Specialty(STREAM, 1, pool));
    }

    /** SM3 (hex) of the pool snapshot, logged before the head the seed uses is signed. */
    public static String poolHash(List<String> pool) {
        return DrawWalk.poolHash(request(pool));
    }

    /** The seed from the published inputs. */
    public static byte[] seed(byte[] secret, String headRootHex, String drawId) {
        return VerifiableDraw.seed(secret, HexFormat.of().parseHex(headRootHex), drawId);
    }

    /** The drawn organisation id. */
    public static String drawn(byte[] secret, String headRootHex, String drawId, List<String> pool) {
        return new DrawWalk(seed(secret, headRootHex, drawId), request(pool)).firstRound().get(0).expertId();
    }
}
