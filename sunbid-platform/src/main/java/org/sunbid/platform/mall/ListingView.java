package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A supplier's product in the mall (商品) with its price evidence and price history.
 *
 * @param id            the listing
 * @param supplierId    the supplier (供应商)
 * @param supplierName  its name
 * @param regionCode    the supplier's region
 * @param categoryId    the category
 * @param categoryName  its name
 * @param itemCode      the category's 品目
 * @param unit          the unit
 * @param productName   the product's name
 * @param brand         the brand
 * @param model         the model
 * @param specs         the specification values by attribute
 * @param price         the unit price, in yuan
 * @param lowPriceReason why a price far below the evidence is no bait price, or null
 * @param certificate   the 节能/环境标志 certificate number, or null
 * @param status        where it stands
 * @param statusReason  why returned or suspended, or null
 * @param createdAt     when first submitted
 * @param evidence      the price evidence, newest first
 * @param history       the prices it has had, oldest first
 */
public record ListingView(UUID id, UUID supplierId, String supplierName, String regionCode, UUID categoryId,
                          String categoryName, String itemCode, String unit, String productName, String brand, String model,
                          Map<String, String> specs, BigDecimal price, String lowPriceReason, String certificate,
                          ListingStatus status, String statusReason, Instant createdAt, List<Evidence> evidence,
                          List<PriceChange> history) {

    /**
     * A price read as evidence, with its file's SM3; where the file itself is kept, its name, media type and size
     * (all null for evidence given by its SM3 alone). Who may download the file: {@link Listings#mayDownloadEvidence}.
     */
    public record Evidence(UUID id, String kind, BigDecimal price, String source, LocalDate observedOn, String fileSm3,
                           Instant recordedAt, String fileName, String fileType, Long fileSize) {

        /** Whether the file itself is kept on the platform. */
        public boolean fileKept() {
            return fileName != null;
        }
    }

    /** One price change (the first price has no old price). */
    public record PriceChange(BigDecimal oldPrice, BigDecimal newPrice, String by, Instant at) {
    }

    /** Whether buyers can order from it. */
    public boolean orderable() {
        return status == ListingStatus.APPROVED;
    }
}
