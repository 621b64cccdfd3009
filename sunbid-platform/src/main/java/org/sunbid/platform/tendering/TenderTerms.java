package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.List;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;

/**
 * What the tenderee or agency enters for a tender (招标项目): validated on construction.
 *
 * @param projectCode           项目编号, unique on the platform
 * @param name                  项目名称
 * @param category              工程类别, e.g. 房屋建筑工程
 * @param estimatedPrice        估算价 / 招标控制价
 * @param deposit               投标保证金
 * @param qualification         资格条件
 * @param evaluationMethod      评标办法
 * @param bidDeadline           投标截止时间 = 开标时间
 * @param openingVenue          开标地点
 * @param bidValidityDays       投标有效期（日）
 * @param documentsAvailableUntil 招标文件获取截止时间
 * @param notice                招标公告正文
 * @param lots                  标段, at least one
 */
public record TenderTerms(String projectCode, String name, String category, Money estimatedPrice, Money deposit,
        String qualification, EvaluationMethod evaluationMethod, Instant bidDeadline, String openingVenue,
        int bidValidityDays, Instant documentsAvailableUntil, String notice, List<Lot> lots) {

    /** A lot (标段) with its own estimated price. */
    public record Lot(String name, Money estimatedPrice) {
    }

    public TenderTerms {
        require(projectCode != null && projectCode.matches("[A-Za-z0-9-]{3,40}"), "projectCode");
        require(name != null && !name.isBlank() && name.length() <= 200, "name");
        require(category != null && !category.isBlank(), "category");
        require(estimatedPrice != null && estimatedPrice.yuan().signum() > 0, "estimatedPrice");
        require(deposit != null, "deposit");
        require(evaluationMethod != null, "evaluationMethod");
        require(bidDeadline != null, "bidDeadline");
        require(openingVenue != null && !openingVenue.isBlank(), "openingVenue");
        require(bidValidityDays >= 30 && bidValidityDays <= 365, "bidValidityDays");
        require(documentsAvailableUntil != null && !documentsAvailableUntil.isAfter(bidDeadline), "documentsAvailableUntil");
        require(notice != null && !notice.isBlank(), "notice");
        require(lots != null && !lots.isEmpty(), "lots");
        lots = List.copyOf(lots);
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new DomainException(TenderingError.INVALID_TENDER, field);
        }
    }
}
