package org.sunbid.platform.procurement.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.procurement.InvitationDrawRecord;
import org.sunbid.platform.procurement.Invitations;
import org.sunbid.platform.procurement.PoolSource;
import org.sunbid.platform.tendering.InvitationView;

/**
 * Invitations to a lot ({@code /api/v1/tenders/{id}/invitations...}): the owner requests the draw with its
 * recommendations and commitment, then reveals the secret; the owner reads the invitation list; anyone reads the draw
 * record once bidding has closed; a supplier reads its own invitations ({@code /api/v1/invitations/mine}).
 */
@RestController
class InvitationApi {

    private final Invitations invitations;

    InvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    record Recommendation(@NotNull UUID supplierId, @NotBlank @Size(max = 100) String recommender) {
    }

    record DrawBody(@Size(max = 50) List<@Valid Recommendation> recommended, @Min(0) @Max(200) int drawCount,
            PoolSource poolSource, @Size(max = 2000) List<UUID> prequalified, @Size(max = 12) String poolRegion,
            @Size(max = 20) List<String> witnesses, @NotBlank String secretHash) {

        Invitations.DrawRequest request() {
            return new Invitations.DrawRequest(recommended == null ? List.of()
                    : recommended.stream().map(r -> new Invitations.Recommendation(r.supplierId(), r.recommender())).toList(),
                    drawCount, poolSource, prequalified, poolRegion, witnesses, secretHash);
        }
    }

    record RevealBody(@NotBlank String secret) {
    }

    @PostMapping("/api/v1/tenders/{id}/invitations/draw")
    InvitationDrawRecord requestDraw(@PathVariable UUID id, @Valid @RequestBody DrawBody body, CurrentUser user) {
        return invitations.requestDraw(id, body.request(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/invitations/draw/reveal")
    InvitationDrawRecord reveal(@PathVariable UUID id, @Valid @RequestBody RevealBody body, CurrentUser user) {
        return invitations.reveal(id, body.secret(), user);
    }

    @GetMapping("/api/v1/tenders/{id}/invitations/draw")
    InvitationDrawRecord record(@PathVariable UUID id, @Nullable CurrentUser user) {
        return invitations.record(id, user);
    }

    @GetMapping("/api/v1/tenders/{id}/invitations")
    List<InvitationView> invitees(@PathVariable UUID id, CurrentUser user) {
        return invitations.invitees(id, user);
    }

    @GetMapping("/api/v1/invitations/mine")
    List<InvitationView> mine(CurrentUser user) {
        return invitations.mine(user);
    }
}
