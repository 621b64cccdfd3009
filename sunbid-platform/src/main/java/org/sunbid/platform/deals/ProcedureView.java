package org.sunbid.platform.deals;

import java.util.List;

/**
 * A procedure (交易方式) as the catalogue holds it.
 *
 * @param code     e.g. {@code ZFCG_OPEN_TENDER}
 * @param kind     the kind of deal it serves
 * @param method   the method within the kind (OPEN_TENDER, NEGOTIATION, AUCTION, …)
 * @param nameZh   e.g. 公开招标
 * @param nameEn   e.g. Open tender
 * @param steps    its steps in order
 * @param runnable whether the platform can run it yet
 */
public record ProcedureView(String code, DealKind kind, String method, String nameZh, String nameEn, List<String> steps,
        boolean runnable) {

    public ProcedureView {
        steps = List.copyOf(steps);
    }
}
