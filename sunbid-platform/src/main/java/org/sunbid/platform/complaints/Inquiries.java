package org.sunbid.platform.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.complaints.domain.Inquiry;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * Inquiries (询问, 政府采购法 Art. 51): any supplier asks about a published lot; its purchaser or agency answers within
 * {@code INQUIRY_ANSWER} (实施条例 Art. 52). Seen by the supplier, the lot's purchaser and agency, and the region's
 * supervisors; not published (an answer that changes the documents is a clarification to everyone).
 */
@Service
public class Inquiries {

    private final Lots lots;
    private final CaseStore store;
    private final CaseLog log;
    private final Clock clock;

    Inquiries(Lots lots, CaseStore store, CaseLog log, Clock clock) {
        this.lots = lots;
        this.store = store;
        this.log = log;
        this.clock = clock;
    }

    /** A supplier asks. */
    @Transactional
    public InquiryView ask(UUID lotId, String question, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(ComplaintsError.GPL_52_NO_STANDING);
        }
        Lots.Lot lot = lots.get(lotId);
        Instant now = clock.instant();
        Inquiry inquiry = Inquiry.ask(UUID.randomUUID(), lotId, user.organisationId(), question, now, lots.rules(lot, now));
        save(lot, inquiry, 1, user);
        log.bySupplier("complaints.inquiry.asked", lot, inquiry.id(), user, Map.of("questionSm3", Sm3.hex(inquiry.question()),
                "answerDue", inquiry.answerDue().toString()));
        return view(lot, inquiry, now);
    }

    /** The purchaser or agency answers. */
    @Transactional
    public InquiryView answer(UUID inquiryId, String answer, CurrentUser user) {
        CaseStore.Stored<Inquiry> stored = find(inquiryId);
        Lots.Lot lot = lots.get(stored.state().lotId());
        if (!lots.answersFor(lot, user)) {
            throw visibleTo(lot, stored.state(), user) ? new DomainException(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE)
                    : new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
        }
        Instant now = clock.instant();
        Inquiry answered = stored.state().answer(answer, now);
        save(lot, answered, stored.version() + 1, user);
        log.step("complaints.inquiry.answered", lot, inquiryId, user.actor(), Map.of("answerSm3", Sm3.hex(answered.answer()),
                "answerDue", answered.answerDue().toString(), "late", answered.answeredLate()));
        return view(lot, answered, now);
    }

    /** One inquiry, for its supplier, the lot's purchaser and agency, and the region's supervisors. */
    public InquiryView get(UUID inquiryId, CurrentUser user) {
        Inquiry inquiry = find(inquiryId).state();
        Lots.Lot lot = lots.get(inquiry.lotId());
        if (!visibleTo(lot, inquiry, user)) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
        }
        return view(lot, inquiry, clock.instant());
    }

    /** The lot's inquiries the caller may see: all for its purchaser, agency and supervisors, its own for a supplier. */
    public List<InquiryView> ofLot(UUID lotId, CurrentUser user) {
        Lots.Lot lot = lots.get(lotId);
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.INQUIRY, CaseStore.Filter.lot(lotId), Inquiry.class).stream()
                .map(CaseStore.Stored::state).filter(i -> visibleTo(lot, i, user)).map(i -> view(lot, i, now)).toList();
    }

    /** The caller's organisation's inquiries (a supplier's "我的询问"). */
    public List<InquiryView> mine(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.INQUIRY, CaseStore.Filter.party(user.organisationId()), Inquiry.class).stream()
                .map(s -> view(lots.get(s.state().lotId()), s.state(), now)).toList();
    }

    /** Inquiries awaiting the caller's organisation's answer (purchaser's or agency's inbox). */
    public List<InquiryView> toAnswer(CurrentUser user) {
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.INQUIRY, CaseStore.Filter.status("ASKED", 500), Inquiry.class).stream()
                .map(CaseStore.Stored::state).map(i -> Map.entry(lots.get(i.lotId()), i))
                .filter(e -> lots.answersFor(e.getKey(), user)).map(e -> view(e.getKey(), e.getValue(), now)).toList();
    }

    private boolean visibleTo(Lots.Lot lot, Inquiry inquiry, CurrentUser user) {
        return user != null && (inquiry.supplierId().equals(user.organisationId()) || lots.answersFor(lot, user) || lots.oversees(lot, user));
    }

    private CaseStore.Stored<Inquiry> find(UUID id) {
        return store.latest(CaseStore.Kind.INQUIRY, id, Inquiry.class)
                .orElseThrow(() -> new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND));
    }

    private void save(Lots.Lot lot, Inquiry i, int version, CurrentUser user) {
        store.append(CaseStore.Kind.INQUIRY, i.id(), version, new CaseStore.Columns(lot.id(), i.supplierId(), null,
                lot.regionCode(), i.answeredAt() == null ? "ASKED" : "ANSWERED", i.answeredAt() == null ? i.answerDue() : null,
                false, null, null, null), i, clock.instant(), user.username());
    }

    private InquiryView view(Lots.Lot lot, Inquiry i, Instant now) {
        return new InquiryView(i.id(), lot.id(), lot.code(), lot.name(), lots.nameOf(i.supplierId()), i.question(), i.askedAt(),
                i.answerDue(), i.answer(), i.answeredAt(), i.overdue(now));
    }
}
