package org.sunbid.platform.tendering;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.domain.Tender;

/**
 * Registration (报名), anonymous until bidding closes (Law 22): nobody but the bidder itself learns who registered or
 * how many did — not the tenderee, the agency, centre staff or the public — except a supervisor through break-glass
 * access, which is itself logged in public.
 *
 * <p>Logging each registration as it happens would let anyone count them in the public log, even sealed. So
 * registrations are {@link ConfidentialRecords}, committed in sealed entries appended at a fixed rate whether or not
 * anyone registered, and disclosed in a public entry when bidding closes. A new registration is announced to the
 * other contexts as {@link BidderRegistered} in the same transaction (payments opens the deposit sub-account).
 */
@Service
public class Registrations {

    private final JdbcClient jdbc;
    private final TenderRepository tenders;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ConfidentialRecords confidential;
    private final ApplicationEventPublisher events;
    private final TenderInvitations invitations;

    private final org.sunbid.platform.deals.Projects projects;
    private final org.sunbid.platform.deals.Procedures procedures;
    private final CreditGate credit;

    Registrations(JdbcClient jdbc, TenderRepository tenders, Organisations organisations, Regions regions, AuditLog auditLog,
            Clock clock, ConfidentialRecords confidential, ApplicationEventPublisher events, TenderInvitations invitations,
            org.sunbid.platform.deals.Projects projects, org.sunbid.platform.deals.Procedures procedures, CreditGate credit) {
        this.credit = credit;
        this.projects = projects;
        this.procedures = procedures;
        this.invitations = invitations;
        this.confidential = confidential;
        this.events = events;
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.organisations = organisations;
        this.regions = regions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Registers the caller's organisation; registering again returns the existing registration. */
    @Transactional
    public RegistrationView register(UUID tenderId, CurrentUser user) {
        return register(tenderId, List.of(), user);
    }

    /**
     * Registers the caller's organisation as the lead of a consortium (联合体) whose other members are {@code consortium}
     * (统一社会信用代码; empty: alone). Registering again returns the existing registration, its members unchanged. Issue
     * 20: refused ({@code CREDIT_RESTRICTED}) where a record in force now bars the bidder or any member at {@code Gate.BIDDING}
     * (招标投标法实施条例 Art. 67–68, 政府采购法 Art. 22/77), or at {@code Gate.AUCTION_QUALIFICATION} for a lot whose bids
     * are live (auction, listing); one member restricts the consortium (财库〔2016〕125号). The refusal names the bidder's
     * own records and published ones, and of another member's unpublished record only that the member is restricted
     * here; it is a confidential record, so nobody else learns that it tried.
     */
    @Transactional
    public RegistrationView register(UUID tenderId, List<String> consortium, CurrentUser user) {
        if (user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Tender tender = publicTender(tenders.findShared(tenderId), tenderId); // closing waits for this registration
        Organisation bidder = organisations.find(user.organisationId()).orElseThrow();
        if (bidder.blacklisted()) {
            throw new DomainException(TenderingError.REGISTRATION_REFUSED_BLACKLISTED);
        }
        Instant now = clock.instant();
        tender.checkRegistrationOpen(now);
        // 法 Art. 34, 74号令 Art. 12: where the lot's method is by invitation only, only the invited may take part (and
        // so deposit and respond, which both require the registration)
        if (invitations.invitationOnly(tenderId, now) && !invitations.invited(tenderId, bidder.id())) {
            throw new DomainException(TenderingError.NOT_INVITED);
        }
        java.util.Set<String> members = new java.util.TreeSet<>();
        for (String code : consortium == null ? List.<String>of() : consortium) {
            members.add(org.sunbid.platform.parties.UnifiedSocialCreditCode.of(code).value()); // INVALID_CREDIT_CODE
        }
        members.remove(bidder.creditCode().value());
        // registering again returns the existing registration without asking credit again (else a lead could name any
        // code as a member, over and over, to probe another's records)
        if (!rows(tenderId, bidder.id()).isEmpty()) {
            return mine(tenderId, user);
        }
        // an auction or listing lot (land, mining, state property: its bids live) asks the auction gate (39号令 Art. 11;
        // 32号令), every other lot the bidding gate: a record barring one does not bar the other
        org.sunbid.platform.credit.Gate gate = liveBidding(tenderId, now) ? org.sunbid.platform.credit.Gate.AUCTION_QUALIFICATION
                : org.sunbid.platform.credit.Gate.BIDDING;
        credit.require(gate, bidder, members, now, tenderId.toString(), tender.regionCode(), user.actor());
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO tender_registration (id, tender_id, bidder_id, registered_at, registered_by)
                VALUES (:id, :t, :b, :at, :by) ON CONFLICT (tender_id, bidder_id) DO NOTHING""")
                .param("id", id).param("t", tenderId).param("b", bidder.id())
                .param("at", now.atOffset(ZoneOffset.UTC)).param("by", user.username()).update();
        if (inserted == 1) {
            for (String member : members) {
                jdbc.sql("INSERT INTO tender_registration_member (registration_id, credit_code) VALUES (:r, :c)")
                        .param("r", id).param("c", member).update();
            }
            confidential.record(id, AuditRecord.of("tendering.registration.made", tenderId.toString(), tender.regionCode(),
                    user.actor(), Map.of("registrationId", id.toString(), "bidderId", bidder.id().toString())));
            events.publishEvent(new BidderRegistered(id, tenderId, bidder.id()));
        }
        return mine(tenderId, user);
    }

    /**
     * The other members of {@code bidderId}'s consortium registered for {@code tenderId} (credit codes; empty if it
     * registered alone or not at all), for the credit gates after registration (bid upload, final offers). Never shown.
     */
    public List<String> consortiumMembers(UUID tenderId, UUID bidderId) {
        return jdbc.sql("""
                SELECT m.credit_code FROM tender_registration_member m JOIN tender_registration r ON r.id = m.registration_id
                WHERE r.tender_id = :t AND r.bidder_id = :b ORDER BY m.credit_code""")
                .param("t", tenderId).param("b", bidderId).query(String.class).list();
    }

    /** The caller's own registration for a tender. */
    public RegistrationView mine(UUID tenderId, CurrentUser user) {
        if (user.organisationId() == null) {
            throw new DomainException(TenderingError.NOT_REGISTERED, tenderId);
        }
        return rows(tenderId, user.organisationId()).stream().findFirst()
                .orElseThrow(() -> new DomainException(TenderingError.NOT_REGISTERED, tenderId));
    }

    /** Who registered: for the tender's owners and the region's staff, once bidding has closed. */
    public List<RegistrationView> list(UUID tenderId, CurrentUser user) {
        Tender tender = tenders.find(tenderId).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId));
        boolean owner = user.organisationId() != null
                && (user.organisationId().equals(tender.tendereeId()) || user.organisationId().equals(tender.agencyId()));
        boolean staff = user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(tender.regionCode(), user.regionCode()));
        if (!owner && !staff) {
            throw new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId);
        }
        if (tender.status() != TenderStatus.BIDDING_CLOSED || sealedUntilBiddingEnds(tenderId)) {
            throw new DomainException(TenderingError.REGISTRATIONS_SEALED);
        }
        return rows(tenderId, null);
    }

    /**
     * Issue 17: a lot whose rules hold LIVE_BIDDING keeps its registrants sealed after the close of applications, until
     * bidding ends and the auction disclosed them ({@link #disclose}): before, its owners (the auctioneer's side) and the
     * centre's staff would learn who bids under which number (39号令 Art. 13; 32号令 Art. 22 — bidders stay anonymous).
     */
    private boolean sealedUntilBiddingEnds(UUID tenderId) {
        boolean live = liveBidding(tenderId, clock.instant());
        return live && jdbc.sql("SELECT COUNT(*) FROM registration_disclosure WHERE tender_id = :t").param("t", tenderId)
                .query(Long.class).single() == 0;
    }

    /** Whether the lot's procedure bids live (an auction or listing: land, mining, state property), per deals' rules at {@code at}. */
    private boolean liveBidding(UUID tenderId, Instant at) {
        return projects.procedureOfLot(tenderId).map(code -> procedures.rulesAt(code, at)
                .holds(org.sunbid.platform.deals.domain.RuleKeys.LIVE_BIDDING)).orElse(false);
    }

    /**
     * The organisations registered for a tender, for another context's conflict checks (the expert draw avoids experts
     * employed by any of them). Never shown to anyone: a caller must not let the answer reach a page, a count or an
     * error while registrations are anonymous.
     */
    public java.util.Set<UUID> registrantsForConflictCheck(UUID tenderId) {
        return rows(tenderId, null).stream().map(RegistrationView::bidderId).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A supervisor's break-glass view before the deadline: allowed, answered, and recorded in the public log. */
    @Transactional
    public List<RegistrationView> breakGlass(UUID tenderId, String reason, CurrentUser user) {
        Tender tender = tenders.find(tenderId).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId));
        if (user.role() != Role.SUPERVISOR || !regions.isWithin(tender.regionCode(), user.regionCode())) {
            throw new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId);
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException(CommonError.VALIDATION_FAILED);
        }
        auditLog.record(AuditRecord.of("tendering.registrations.break-glass", tenderId.toString(), tender.regionCode(),
                user.actor(), Map.of("reason", reason.strip())));
        return rows(tenderId, null);
    }

    /**
     * Discloses a tender's registrations in a public log entry; called when bidding closes, after the pending
     * confidential records were committed. Each registration comes with its committed record and inclusion path, so
     * anyone can check that the list was fixed before the deadline.
     */
    void disclose(Tender tender) {
        jdbc.sql("INSERT INTO registration_disclosure (tender_id, disclosed_at) VALUES (:t, :at) ON CONFLICT (tender_id) DO NOTHING")
                .param("t", tender.id()).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        List<Map<String, Object>> registered = rows(tender.id(), null).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("registrationId", r.id().toString());
            m.put("bidderId", r.bidderId().toString());
            m.put("bidderName", r.bidderName());
            m.put("registeredAt", r.registeredAt().toString());
            m.put("commitment", confidential.disclosure(r.id()).map(ConfidentialRecords.Disclosure::toMap).orElse(null));
            return m;
        }).toList();
        auditLog.record(AuditRecord.of("tendering.registrations.disclosed", tender.id().toString(), tender.regionCode(),
                Actor.SYSTEM, Map.of("count", registered.size(), "registrations", registered)));
    }

    private static Tender publicTender(java.util.Optional<Tender> found, UUID tenderId) {
        Tender tender = found.orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId));
        if (tender.status() == TenderStatus.DRAFT) {
            throw new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId);
        }
        return tender;
    }

    private List<RegistrationView> rows(UUID tenderId, UUID onlyBidder) {
        record Row(UUID id, UUID tenderId, UUID bidderId, Instant registeredAt) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.tender_id, r.bidder_id, r.registered_at FROM tender_registration r
                WHERE r.tender_id = :t AND (CAST(:b AS UUID) IS NULL OR r.bidder_id = :b)
                ORDER BY r.registered_at, r.id""")
                .param("t", tenderId).param("b", onlyBidder)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class),
                        rs.getObject("bidder_id", UUID.class), rs.getObject("registered_at", OffsetDateTime.class).toInstant()))
                .list();
        // the bidders' names are parties' (issue 15: asked through its API, not joined)
        Map<UUID, String> names = new java.util.HashMap<>();
        organisations.findAll(rows.stream().map(Row::bidderId).toList()).forEach(o -> names.put(o.id(), o.name()));
        return rows.stream().map(r -> new RegistrationView(r.id(), r.tenderId(), r.bidderId(), names.get(r.bidderId()),
                r.registeredAt(), confidential.committedSeq(r.id()).orElse(null))).toList();
    }
}
