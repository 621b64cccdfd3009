package org.sunbid.platform.sealing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bid as the opening record lists it: opened with its price sheet and the names of its decrypted files, or rejected
 * with the reason. For the evaluation committee; the files themselves through {@link BidOpenings#openedFile}.
 */
public record OpenedBid(UUID bidId, UUID bidderId, String bidder, boolean opened, BigDecimal price,
        Map<String, Object> priceSheet, List<String> files, String rejection) {

    public OpenedBid {
        priceSheet = priceSheet == null ? Map.of() : Map.copyOf(priceSheet);
        files = files == null ? List.of() : List.copyOf(files);
    }
}
