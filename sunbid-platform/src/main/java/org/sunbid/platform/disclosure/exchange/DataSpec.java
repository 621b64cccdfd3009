package org.sunbid.platform.disclosure.exchange;

import java.util.List;

/**
 * The national data specification the exporter follows: 全国公共资源交易平台系统数据规范 V1.0 (Dec. 2016; NDRC, MOF, MLR,
 * SASAC; domain-2 §8 [F:S26]). V2.0 (2018, 发改办法规〔2018〕1156号) is remembered but not verified; no V3.0 was found.
 *
 * <p>What is modelled: the trading data (交易数据) of the four sectors and 国有产权, each dataset named with the deal
 * kind's prefix (GCJS / ZFCG / TDSYQ / KYQ / GYCQ) and carrying the keys seen in working integrations (domain-2 §8
 * [F:S27]): {@code UNIFIED_DEAL_CODE}, {@code PROJECT_CODE}, {@code TENDER_PROJECT_CODE}, {@code BID_SECTION_CODE},
 * {@code PLATFORM_CODE}, {@code PUB_SERVICE_PLAT_CODE}, {@code DATA_TIMESTAMP}. The dataset names for construction are
 * those seen there; the procurement, land, mining and property ones ({@code *_ANNOUNCEMENT}, {@code *_DEAL_RESULT},
 * {@code ZFCG_NOTICE}, {@code ZFCG_RESULT_NOTICE}) and every other field name ({@code NOTICE_CONTENT},
 * {@code WIN_BIDDER_NAME}, {@code PREMIUM_RATE}, …) are ours, documented in {@link Datasets}. Not modelled: the subject
 * (主体), expert, supervision and credit datasets, and qualification pre-review (GCJS_QUALIFI_PRE_*).
 */
final class DataSpec {

    /** The version of the data specification followed. */
    static final String DATA_SPEC = "V1.0";

    /** Construction (工程建设) datasets. */
    static final String GCJS_PROJECT = "GCJS_PROJECT";
    static final String GCJS_TENDER_PROJECT = "GCJS_TENDER_PROJECT";
    static final String GCJS_SECTION = "GCJS_SECTION";
    static final String GCJS_NOTICE = "GCJS_NOTICE";
    static final String GCJS_OPENING_RECORD = "GCJS_OPENING_RECORD";
    static final String GCJS_EVALUATION_REPORT = "GCJS_EVALUATION_REPORT";
    static final String GCJS_WIN_CANDIDATE = "GCJS_WIN_CANDIDATE";
    static final String GCJS_RESULT_NOTICE = "GCJS_RESULT_NOTICE";

    /** Government procurement (政府采购) datasets. */
    static final String ZFCG_PROJECT = "ZFCG_PROJECT";
    static final String ZFCG_NOTICE = "ZFCG_NOTICE";
    static final String ZFCG_RESULT_NOTICE = "ZFCG_RESULT_NOTICE";

    /** Every dataset name this exporter produces, for the documentation and the tests. */
    static final List<String> CONSTRUCTION = List.of(GCJS_PROJECT, GCJS_TENDER_PROJECT, GCJS_SECTION, GCJS_NOTICE,
            GCJS_OPENING_RECORD, GCJS_EVALUATION_REPORT, GCJS_WIN_CANDIDATE, GCJS_RESULT_NOTICE);

    private DataSpec() {
    }

    /** The project dataset of a land, mining or property deal ({@code TDSYQ_PROJECT}, …). */
    static String project(String prefix) {
        return prefix + "_PROJECT";
    }

    /** The announcement (出让公告 / 挂牌公告) dataset of a land, mining or property deal. */
    static String announcement(String prefix) {
        return prefix + "_ANNOUNCEMENT";
    }

    /** The deal result (成交结果, with the premium rate) dataset of a land, mining or property deal. */
    static String dealResult(String prefix) {
        return prefix + "_DEAL_RESULT";
    }
}
