package org.sunbid.platform.disclosure.exchange;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.disclosure.NationalExchange;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The national exchange for centre staff and administrators: replay from a Beijing date
 * ({@code POST /api/v1/exchange/replays {"from":"2026-11-01"}}: the records rebuilt, their SM3s, sent again) and the
 * receipts the national platform returned ({@code GET /api/v1/exchange/receipts}). Anyone else: 403 {@code FORBIDDEN}.
 */
@RestController
@RequestMapping("/api/v1/exchange")
class ExchangeApi {

    private final NationalExchange replays;

    ExchangeApi(NationalExchange replays) {
        this.replays = replays;
    }

    /** The body of a replay: from which Beijing date. */
    record ReplayRequest(LocalDate from) {
    }

    @PostMapping("/replays")
    @ResponseStatus(HttpStatus.CREATED)
    NationalExchange.Replay replay(@RequestBody ReplayRequest request) {
        CurrentUser user = CurrentUser.current();
        if (request == null || request.from() == null) {
            throw new DomainException(CommonError.VALIDATION_FAILED, "from");
        }
        return replays.replay(request.from(), user);
    }

    @GetMapping("/receipts")
    List<NationalExchange.Receipt> receipts(@RequestParam(defaultValue = "100") int limit) {
        return replays.receipts(CurrentUser.current(), limit);
    }
}
