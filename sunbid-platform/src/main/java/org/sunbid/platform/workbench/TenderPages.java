package org.sunbid.platform.workbench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.DrawStatus;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.payments.Guarantees;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.Bids;
import org.sunbid.platform.sealing.OpeningView;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderDocuments;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The tender pages of the workbench, one page per tender whose sections depend on who looks: the tenderee or agency
 * drafts, uploads documents, publishes, clarifies and answers objections; a bidder registers, downloads, pays its
 * deposit (through the sandbox bank here) or takes out a guarantee, and objects; staff follow. Commands redirect back
 * to the page with a message (post/redirect/get); errors are the same Chinese messages the API gives.
 */
@Controller
@RequestMapping("/workbench/tenders")
class TenderPages {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Tenders tenders;
    private final Registrations registrations;
    private final TenderDocuments documents;
    private final Deposits deposits;
    private final Guarantees guarantees;
    private final Sandbox sandbox;
    private final Organisations organisations;
    private final Regions regions;
    private final Problems problems;
    private final org.sunbid.platform.evaluation.Evaluations evaluations;
    private final java.time.Clock clock;
    private final Bids bids;
    private final BidOpenings openings;
    private final org.sunbid.platform.sealing.TenderKeys tenderKeys;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Menus menus;
    private final ExpertDraws draws;
    private final Experts experts;
    private final PageMessages messages;
    private final org.sunbid.platform.disclosure.DealStatuses statuses;
    private final Forms forms;
    private final org.sunbid.platform.deals.Projects projects;
    private final org.sunbid.platform.deals.Procedures procedures;
    private final org.sunbid.platform.tendering.TenderFilings filings;
    private static final tools.jackson.core.type.TypeReference<java.util.Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
    };

    /** Where a bid comes from (behind a trusted proxy, the client it names): kept hashed for Art. 40 (二). */
    private final org.sunbid.platform.parties.ClientAddress sources;

    TenderPages(java.time.Clock clock, Bids bids, BidOpenings openings, tools.jackson.databind.json.JsonMapper json,
            org.sunbid.platform.sealing.TenderKeys tenderKeys, Tenders tenders, Registrations registrations, TenderDocuments documents, Deposits deposits,
            Guarantees guarantees, Sandbox sandbox, Organisations organisations, Regions regions, Problems problems,
            Menus menus, ExpertDraws draws, Experts experts, PageMessages messages,
            org.sunbid.platform.evaluation.Evaluations evaluations, org.sunbid.platform.disclosure.DealStatuses statuses,
            Forms forms, org.sunbid.platform.deals.Projects projects, org.sunbid.platform.deals.Procedures procedures,
            org.sunbid.platform.tendering.TenderFilings filings, org.sunbid.platform.parties.ClientAddress sources) {
        this.sources = sources;
        this.projects = projects;
        this.procedures = procedures;
        this.filings = filings;
        this.statuses = statuses;
        this.forms = forms;
        this.menus = menus;
        this.draws = draws;
        this.experts = experts;
        this.messages = messages;
        this.clock = clock;
        this.tenderKeys = tenderKeys;
        this.bids = bids;
        this.openings = openings;
        this.json = json;
        this.tenders = tenders;
        this.registrations = registrations;
        this.documents = documents;
        this.deposits = deposits;
        this.guarantees = guarantees;
        this.sandbox = sandbox;
        this.organisations = organisations;
        this.regions = regions;
        this.problems = problems;
        this.evaluations = evaluations;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/tenders");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
    }

    private static boolean owner(CurrentUser user) {
        return user.role() == Role.TENDEREE || user.role() == Role.AGENCY;
    }

    /** A row of the list: the tender and, for a bidder, its own registration and deposit. */
    record Row(TenderView tender, org.sunbid.platform.disclosure.DealStage stage,
            org.sunbid.platform.disclosure.DealStatuses.Registration registration) {
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        List<TenderView> shown = owner(user) ? tenders.ofMyOrganisation(user) : tenders.published(100);
        List<Row> rows = new ArrayList<>();
        for (TenderView t : shown) {
            rows.add(new Row(t, statuses.of(t),
                    user.role() == Role.BIDDER ? statuses.registration(t.id(), user).orElse(null) : null));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("canCreate", owner(user));
        return "workbench/tenders";
    }

    /** The create (and edit) form's fields as typed, kept as text so that a refused form shows them again. */
    record TenderForm(String projectCode, String name, String category, String estimatedPrice, String deposit,
            String qualification, EvaluationMethod evaluationMethod, String bidDeadline, String openingVenue,
            String bidValidityDays, String documentsAvailableUntil, String notice, UUID tendereeId) {

        /** Each field's label key, for its error message. */
        static final Map<String, String> LABELS = Map.ofEntries(Map.entry("projectCode", "tender.code"),
                Map.entry("name", "tenders.col.name"), Map.entry("category", "tender.category"),
                Map.entry("estimatedPrice", "tenders.form.estimated"), Map.entry("deposit", "tenders.form.deposit"),
                Map.entry("bidDeadline", "tender.deadline"), Map.entry("openingVenue", "tender.venue"),
                Map.entry("bidValidityDays", "tenders.form.validity"),
                Map.entry("documentsAvailableUntil", "tender.documents-until"), Map.entry("notice", "tender.notice"),
                Map.entry("qualification", "tender.qualification"), Map.entry("tendereeId", "tenders.form.tenderee"));

        static TenderForm suggested(Instant now) {
            LocalDateTime today = LocalDateTime.ofInstant(now, BEIJING).withSecond(0).withNano(0);
            return new TenderForm("", "", "房屋建筑工程", "", "", "", EvaluationMethod.COMPREHENSIVE,
                    today.plusDays(25).withHour(9).withMinute(30).toString(), "云州市公共资源交易中心 第一开标室", "90",
                    today.plusDays(7).withHour(17).withMinute(0).toString(), "", null);
        }

        /** A draft's terms, to edit them. */
        static TenderForm of(TenderView tender) {
            TenderTerms t = tender.terms();
            return new TenderForm(t.projectCode(), t.name(), t.category(), t.estimatedPrice().toString(), t.deposit().toString(),
                    t.qualification(), t.evaluationMethod(), local(t.bidDeadline()), t.openingVenue(),
                    String.valueOf(t.bidValidityDays()), local(t.documentsAvailableUntil()), t.notice(), tender.tendereeId());
        }

        private static String local(Instant at) {
            return LocalDateTime.ofInstant(at, BEIJING).withSecond(0).withNano(0).toString();
        }

        /** The terms, or null with every wrong field in {@code errors}. */
        TenderTerms terms(FormErrors errors) {
            String code = errors.text("projectCode", LABELS.get("projectCode"), projectCode);
            String title = errors.text("name", LABELS.get("name"), name);
            String kind = errors.text("category", LABELS.get("category"), category);
            Money estimated = errors.amount("estimatedPrice", LABELS.get("estimatedPrice"), estimatedPrice, Amounts.Unit.YUAN);
            Money guarantee = errors.amount("deposit", LABELS.get("deposit"), deposit, Amounts.Unit.YUAN);
            Instant available = errors.dateTime("documentsAvailableUntil", LABELS.get("documentsAvailableUntil"),
                    documentsAvailableUntil);
            Instant deadline = errors.dateTime("bidDeadline", LABELS.get("bidDeadline"), bidDeadline);
            String venue = errors.text("openingVenue", LABELS.get("openingVenue"), openingVenue);
            Integer validity = errors.integer("bidValidityDays", LABELS.get("bidValidityDays"), bidValidityDays, true, 1, 365);
            String text = errors.text("notice", LABELS.get("notice"), notice);
            if (errors.any()) {
                return null;
            }
            return new TenderTerms(code, title, kind, estimated, guarantee, qualification == null ? "" : qualification.strip(),
                    evaluationMethod == null ? EvaluationMethod.COMPREHENSIVE : evaluationMethod, deadline, venue, validity,
                    available, text, List.of(new TenderTerms.Lot(title, estimated)));
        }

        /** A rule's refusal, put under the field it is about (the deposit for Reg. 26, a named field otherwise). */
        static void refused(DomainException e, String message, FormErrors errors) {
            String field = e.errorCode() == org.sunbid.platform.tendering.TenderingError.REG_26_DEPOSIT_TOO_HIGH ? "deposit"
                    : e.errorCode() == org.sunbid.platform.tendering.TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT ? "bidDeadline"
                    : e.errorCode() == org.sunbid.platform.tendering.TenderingError.REG_16_DOCUMENT_PERIOD_TOO_SHORT
                            ? "documentsAvailableUntil"
                    : e.arguments().length > 0 && e.arguments()[0] instanceof String f && LABELS.containsKey(f) ? f : null;
            if (field != null) {
                errors.refused(field, LABELS.get(field), message);
            }
        }
    }

    @GetMapping("/new")
    String newTender(CurrentUser user, Model model) {
        requireOwner(user);
        return form(user, TenderForm.suggested(clock.instant()), null, model);
    }

    @PostMapping
    String create(CurrentUser user, @ModelAttribute TenderForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        requireOwner(user);
        return save(user, form, null, model, response, terms -> {
            TenderView created = tenders.create(terms, form.tendereeId(), user);
            redirect.addFlashAttribute("done", "tender.page.created");
            return "redirect:/workbench/tenders/" + created.id();
        });
    }

    /**
     * The new-tender form and a draft's edit form alike: bind the terms field by field, save them, or show the form
     * again with each field's message and the input kept.
     */
    private String save(CurrentUser user, TenderForm form, TenderView draft, Model model, HttpServletResponse response,
            java.util.function.Function<TenderTerms, String> saved) {
        FormErrors errors = forms.errors();
        try {
            TenderTerms terms = form.terms(errors);
            if (terms != null) {
                return saved.apply(terms);
            }
        } catch (DomainException e) {
            return refusedForm(user, form, draft, e, errors, model, response);
        }
        errors.show(model, response);
        return form(user, form, draft, model);
    }

    /** A draft's edit form: the new-tender form, filled in with the draft. */
    @GetMapping("/{id}/edit")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        TenderView tender = tenders.asOwner(id, user);
        requireDraft(tender);
        return form(user, TenderForm.of(tender), tender, model);
    }

    @PostMapping("/{id}/edit")
    String revise(CurrentUser user, @PathVariable UUID id, @ModelAttribute TenderForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        TenderView tender = tenders.asOwner(id, user);
        requireDraft(tender);
        return save(user, form, tender, model, response, terms -> {
            tenders.revise(id, terms, user);
            redirect.addFlashAttribute("done", "tender.page.revised");
            return "redirect:/workbench/tenders/" + id;
        });
    }

    /** Deletes a draft (the page asks for confirmation first); back to the list. */
    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            tenders.deleteDraft(id, user);
            redirect.addFlashAttribute("done", "tender.page.deleted");
            return "redirect:/workbench/tenders";
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            return "redirect:/workbench/tenders/" + id;
        }
    }

    private String refusedForm(CurrentUser user, TenderForm form, TenderView tender, DomainException e, FormErrors errors,
            Model model, HttpServletResponse response) {
        String message = messages.of(e);
        TenderForm.refused(e, message, errors);
        errors.show(model, response);
        if (!errors.any()) {
            model.addAttribute("formError", message);
        }
        return form(user, form, tender, model);
    }

    private static void requireDraft(TenderView tender) {
        if (tender.status() != TenderStatus.DRAFT) {
            throw new DomainException(org.sunbid.platform.tendering.TenderingError.INVALID_TENDER_STATE, tender.status());
        }
    }

    private String form(CurrentUser user, TenderForm form, TenderView editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("formError")) {
            model.addAttribute("formError", null);
        }
        model.addAttribute("methods", EvaluationMethod.values());
        List<Organisation> tenderees = user.role() == Role.AGENCY && editing == null ? organisations.tenderees() : List.of();
        model.addAttribute("tenderees", tenderees);
        return "workbench/tender-new";
    }

    private static void requireOwner(CurrentUser user) {
        if (!owner(user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
    }

    @GetMapping("/{id}")
    String tender(CurrentUser user, @PathVariable UUID id, Model model) {
        TenderView tender = tenders.get(id, user);
        model.addAttribute("tender", tender);
        model.addAttribute("documents", documents.list(id, user));
        org.sunbid.platform.deals.ProjectView project = projects.ofLot(id).orElse(null); // the lot this tender runs
        model.addAttribute("project", project);
        model.addAttribute("lot", project == null ? null
                : project.lots().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null));
        model.addAttribute("procedure", project == null ? null : procedures.find(project.procedureCode()).orElse(null));
        boolean isOwner = owner(user) && user.organisationId() != null
                && (user.organisationId().equals(tender.tendereeId()) || user.organisationId().equals(tender.agencyId()));
        model.addAttribute("isOwner", isOwner);
        model.addAttribute("publication", isOwner && tender.status() == TenderStatus.DRAFT ? tenders.publicationCheck(id, user) : null);
        model.addAttribute("checkRefusal", null);
        if (isOwner && tender.status() == TenderStatus.DRAFT) {
            model.addAttribute("check", model.getAttribute("publication"));
            model.addAttribute("checkRefusal", refusalOf(tenders.publicationCheck(id, user)));
            model.addAttribute("planSet", planSet(id, user));
        }
        filingCard(tender, isOwner, user, model);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("sealForm")) {
            model.addAttribute("sealForm", Map.of());
        }
        model.addAttribute("isBidder", user.role() == Role.BIDDER);
        org.sunbid.platform.disclosure.DealStage stage = statuses.of(tender);
        model.addAttribute("stage", stage);
        model.addAttribute("open", stage.acceptsBids());
        model.addAttribute("editable", tender.status() == TenderStatus.DRAFT || tender.status() == TenderStatus.PUBLISHED
                || tender.status() == TenderStatus.SUSPENDED);
        model.addAttribute("tenderee", organisations.find(tender.tendereeId()).map(Organisation::name).orElse(""));
        model.addAttribute("registration", null);
        model.addAttribute("deposit", null);
        model.addAttribute("registrationStage", null);
        if (user.role() == Role.BIDDER) {
            try {
                model.addAttribute("registration", registrations.mine(id, user));
                DepositView deposit = deposits.mine(id, user);
                model.addAttribute("deposit", deposit);
                model.addAttribute("registrationStage", org.sunbid.platform.disclosure.RegistrationStage.of(deposit));
            } catch (DomainException e) {
                // not registered, or registered before deposit accounts existed: the page shows what there is
            }
        }
        model.addAttribute("myBid", null);
        model.addAttribute("withdrawalStatement", null);
        if (user.role() == Role.BIDDER) {
            try {
                model.addAttribute("myBid", json.readValue(bids.myReceipt(id, user).receipt(), MAP));
                model.addAttribute("withdrawalStatement", bids.withdrawalStatement(id, user));
            } catch (DomainException e) {
                // no valid bid
            }
        }
        model.addAttribute("myBidOpened", false);
        model.addAttribute("custodianIndex", tenderKeys.shareIndexOf(id, user.organisationId()).orElse(null));
        model.addAttribute("opening", null);
        model.addAttribute("openingRecord", null);
        try {
            OpeningView opening = openings.view(id);
            model.addAttribute("opening", opening);
            if (opening.record() != null) {
                Map<String, Object> record = json.readValue(opening.record(), MAP);
                model.addAttribute("openingRecord", record);
                if (user.organisationId() != null && record.get("bids") instanceof List<?> list) {
                    model.addAttribute("myBidOpened", list.stream().anyMatch(b -> b instanceof Map<?, ?> m
                            && user.organisationId().toString().equals(m.get("bidderId")) && "OPENED".equals(m.get("status"))));
                }
            }
        } catch (DomainException e) {
            // not closed yet
        }
        model.addAttribute("maxDocumentMb", documents.maxSize() / (1024 * 1024));
        model.addAttribute("platformUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        model.addAttribute("issuers", guarantees.issuers());
        Duration left = Duration.between(clock.instant(), tender.bidDeadline());
        model.addAttribute("daysLeft", Math.max(0, left.toDays()));
        model.addAttribute("hoursLeft", Math.max(0, left.toHoursPart()));
        expertDraws(user, tender, isOwner, model);
        evaluation(user, id, model);
        return "workbench/tender";
    }

    /** Where the evaluation stands, with the way to the workspace (committee, staff) and the award page. */
    private void evaluation(CurrentUser user, UUID id, Model model) {
        org.sunbid.platform.evaluation.Stage stage = null;
        if (evaluations.exists(id)) {
            try {
                stage = evaluations.view(id, user).stage();
            } catch (DomainException e) {
                // the owners and bidders see the evaluation from the publicity on
            }
        }
        model.addAttribute("evaluationStage", stage);
        model.addAttribute("awardOpen", stage != null && stage.compareTo(org.sunbid.platform.evaluation.Stage.PUBLICITY) >= 0
                && stage != org.sunbid.platform.evaluation.Stage.FAILED);
    }

    /**
     * The 专家抽取申请 section: the tender's draws for whoever may follow them, and the request form for its owners
     * and centre staff while no request is in progress (a refused request comes back with its input).
     */
    private void expertDraws(CurrentUser user, TenderView tender, boolean isOwner, Model model) {
        boolean follows = isOwner || user.seesRegionSubtree() || user.seesAllRegions();
        List<DrawView> drawList = follows ? draws.ofTender(tender.id(), user) : List.of();
        boolean inProgress = drawList.stream()
                .anyMatch(d -> d.status() != DrawStatus.CANCELLED && d.status() != DrawStatus.SHORT);
        boolean requester = isOwner || user.role() == Role.CENTRE_STAFF;
        model.addAttribute("showDraws", follows);
        model.addAttribute("draws", drawList);
        model.addAttribute("canRequestDraw", requester && !inProgress && tender.status() != TenderStatus.DRAFT
                && tender.status() != TenderStatus.TERMINATED);
        if (!model.containsAttribute("drawForm")) {
            model.addAttribute("drawForm", DrawRequestForm.suggested(tender));
        }
        model.addAttribute("drawRows", java.util.stream.IntStream.range(0, DrawRequestForm.ROWS).boxed().toList());
        model.addAttribute("leafSpecialties", experts.countsBySpecialty());
        model.addAttribute("poolRegionChoices", regions.all());
    }

    /** Requests an expert draw (专家抽取申请); a refusal comes back to the form with the input kept. */
    @PostMapping("/{id}/expert-draws")
    String requestDraw(CurrentUser user, @PathVariable UUID id, @ModelAttribute DrawRequestForm form,
            RedirectAttributes redirect) {
        try {
            DrawView draw = draws.request(id, form.request(), user);
            redirect.addFlashAttribute("done", "draw.done.requested");
            return "redirect:/workbench/expert-draws/" + draw.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("drawError", messages.of(e));
            redirect.addFlashAttribute("drawForm", form);
            return "redirect:/workbench/tenders/" + id + "#expert-draws";
        }
    }

    /**
     * The card "招标文件备案" for the owners and the region's staff, where the tender's region requires filing or the
     * tender has filings: the rule, the filings, the owner's button while the documents as they are await a filing, the
     * supervision department's link to its pending one.
     */
    private void filingCard(TenderView tender, boolean isOwner, CurrentUser user, Model model) {
        model.addAttribute("filingRequirement", null);
        if (!isOwner && !(user.seesRegionSubtree() || user.seesAllRegions())) {
            return;
        }
        var requirement = filings.requirement(tender.id(), user);
        var history = filings.history(tender.id(), user);
        if (!requirement.required() && history.isEmpty()) {
            return;
        }
        var latest = history.isEmpty() ? null : history.get(0);
        model.addAttribute("filingRequirement", requirement);
        model.addAttribute("filings", history);
        model.addAttribute("fileable", isOwner && requirement.required() && tender.status() == TenderStatus.DRAFT
                && !((java.util.List<?>) model.getAttribute("documents")).isEmpty()
                && (latest == null || !latest.current() || latest.status() == org.sunbid.platform.tendering.FilingStatus.RETURNED));
        model.addAttribute("supervisorDecides", latest != null && latest.pending() && user.organisationId() != null
                && user.organisationId().equals(latest.supervisorId()));
    }

    /** Runs a command and redirects back to the tender page with its outcome. */
    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", problems.message(e.errorCode(), e.arguments()));
        }
        return "redirect:/workbench/tenders/" + id;
    }

    /**
     * Publishing's confirmation page: what is still missing (with links to where it is done), else the legal dates
     * publication fixes, as the tendering rules compute them, and the button that publishes.
     */
    @GetMapping("/{id}/publish")
    String confirmPublish(CurrentUser user, @PathVariable UUID id, Model model) {
        TenderView tender = tenders.asOwner(id, user);
        requireDraft(tender);
        model.addAttribute("tender", tender);
        model.addAttribute("check", tenders.publicationCheck(id, user));
        model.addAttribute("checkRefusal", refusalOf(tenders.publicationCheck(id, user)));
        model.addAttribute("planSet", planSet(id, user));
        return "workbench/tender-publish";
    }

    private String refusalOf(org.sunbid.platform.tendering.PublicationCheck check) {
        return check.refusal() == null ? null : messages.of(check.refusal());
    }

    /** Whether the evaluation plan is set: shown in the checklist, not required before publication (see the docs). */
    private boolean planSet(UUID id, CurrentUser user) {
        try {
            evaluations.plan(id, user);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    @PostMapping("/{id}/publish")
    String publish(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            tenders.publish(id, user);
            redirect.addFlashAttribute("done", "tender.page.published");
            return "redirect:/workbench/tenders/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
            return "redirect:/workbench/tenders/" + id + "/publish";
        }
    }

    @PostMapping("/{id}/documents")
    String upload(CurrentUser user, @PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.uploaded", () -> {
            if (file.isEmpty()) {
                throw new DomainException(org.sunbid.platform.tendering.TenderingError.INVALID_DOCUMENT_NAME);
            }
            try {
                documents.upload(id, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream(), user);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable UUID id, @PathVariable UUID documentId,
            HttpServletRequest request) {
        return documents.download(id, documentId, request.getRemoteAddr(), user).asAttachment();
    }

    @PostMapping("/{id}/clarifications")
    String clarify(CurrentUser user, @PathVariable UUID id, @RequestParam String text,
            @RequestParam(defaultValue = "false") boolean affectsPreparation, RedirectAttributes redirect) {
        if (textMissing("clarification", "tender.page.clarify", text, redirect)) {
            return "redirect:/workbench/tenders/" + id;
        }
        return act(id, redirect, "tender.page.clarified", () -> tenders.clarify(id, text.strip(), affectsPreparation, user));
    }

    @PostMapping("/{id}/objections/{objectionId}/answer")
    String answer(CurrentUser user, @PathVariable UUID id, @PathVariable UUID objectionId, @RequestParam String text,
            RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.answered", () -> {
            requireText(text);
            tenders.answerObjection(id, objectionId, text.strip(), user);
        });
    }

    @PostMapping("/{id}/objections")
    String object(CurrentUser user, @PathVariable UUID id, @RequestParam String text, RedirectAttributes redirect) {
        if (textMissing("objection", "tender.page.object", text, redirect)) {
            return "redirect:/workbench/tenders/" + id;
        }
        return act(id, redirect, "tender.page.objected", () -> tenders.raiseObjection(id, text.strip(), user));
    }

    @PostMapping("/{id}/register")
    String register(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.registered", () -> registrations.register(id, user));
    }

    @PostMapping("/{id}/deposit/sandbox-transfer")
    String pay(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Sandbox.Transfer t = sandbox.payDeposit(id, null, null, null, user);
            if (t.platformStatus() != 200) {
                throw new DomainException(CommonError.INTERNAL_ERROR);
            }
            // The bank's transfer went through; what the platform made of it is the payment's outcome.
            String outcome = t.platformAnswer().replaceAll("(?s).*\"result\":\"([A-Z_]+)\".*", "$1");
            if (outcome.equals("CREDITED")) {
                redirect.addFlashAttribute("done", "tender.page.paid");
            } else {
                redirect.addFlashAttribute("formError", problems.label("PaymentOutcome." + outcome));
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", problems.message(e.errorCode(), e.arguments()));
        }
        return "redirect:/workbench/tenders/" + id;
    }

    /** A bid envelope sealed with the bidder tool, uploaded through the page. */
    @PostMapping("/{id}/bids")
    String uploadBid(CurrentUser user, @PathVariable UUID id, @RequestParam("envelope") MultipartFile envelope,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.bid.received", () -> {
            try {
                bids.submit(id, envelope.getInputStream(), envelope.getSize(), sources.of(request), user);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The bidder's own receipt as a page: the tender, when it was received, how it was sealed, and, once opened, the price
     * and file names the envelope held (before the opening the platform cannot read them: they are sealed); the
     * identifiers and hashes in a details fold, and the signed receipt file to download.
     */
    @GetMapping("/{id}/receipt")
    String receipt(CurrentUser user, @PathVariable UUID id, Model model) {
        TenderView tender = tenders.get(id, user);
        org.sunbid.platform.sealing.BidReceipt receipt = bids.myReceipt(id, user);
        Map<String, Object> content = json.readValue(receipt.receipt(), MAP);
        model.addAttribute("tender", tender);
        model.addAttribute("stage", statuses.of(tender));
        model.addAttribute("receipt", receipt);
        model.addAttribute("content", content);
        model.addAttribute("receivedAt", Instant.parse((String) content.get("receivedAt")));
        org.sunbid.platform.sealing.OpenedBid opened = null;
        try {
            opened = openings.openedBids(id).stream()
                    .filter(b -> b.bidId().toString().equals(content.get("bidId")) && b.opened()).findFirst().orElse(null);
        } catch (DomainException e) {
            // not opened
        }
        model.addAttribute("opened", opened);
        model.addAttribute("platformUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        model.addAttribute("fileName", receiptFileName(tender));
        return "workbench/receipt";
    }

    /** The signed receipt file: the same JSON the bidder tool saves on upload, for {@code sunbid-verifier check-receipt}. */
    @GetMapping("/{id}/receipt.json")
    org.springframework.http.ResponseEntity<byte[]> receiptFile(CurrentUser user, @PathVariable UUID id) {
        TenderView tender = tenders.get(id, user);
        byte[] body = json.writeValueAsBytes(bids.myReceipt(id, user));
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(receiptFileName(tender), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
    }

    private static String receiptFileName(TenderView tender) {
        return tender.terms().projectCode() + ".receipt.json";
    }

    /** The most the form line before the file may take (bytes). */
    private static final int SEAL_FORM_LIMIT = 8192;

    /**
     * The web path: one plain file sealed on arrival, sent by the page's script as the raw request body (no multipart,
     * so the plain file is never spooled to disk). The body starts with one line of form fields
     * ({@code name=…&totalPrice=…&durationDays=…&projectManager=…}, URL-encoded, at most 8 KB), then a line feed, then
     * the file: the price travels in the body, never in the URL (which proxies and access logs keep).
     */
    @PostMapping(path = "/{id}/bids/sealed-on-arrival")
    String sealOnArrival(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        java.io.InputStream body;
        Map<String, String> fields;
        try {
            body = new java.io.BufferedInputStream(request.getInputStream(), SEAL_FORM_LIMIT);
            fields = formLine(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (DomainException e) {
            return act(id, redirect, "tender.page.bid.sealed", () -> {
                throw e;
            });
        }
        String name = fields.get("name");
        String totalPrice = fields.get("totalPrice");
        String durationDays = fields.get("durationDays");
        String projectManager = fields.get("projectManager");
        FormErrors errors = forms.errors();
        Money price = errors.amount("totalPrice", "tender.page.opening.price", totalPrice, Amounts.Unit.YUAN);
        Integer days = errors.integer("durationDays", "tender.page.opening.duration", durationDays, false, 1, 3650);
        if (errors.any()) {
            // The price sheet is read before a byte of the file: nothing was sealed; the page shows the input again.
            errors.flash(redirect);
            Map<String, String> input = new java.util.HashMap<>();
            input.put("totalPrice", totalPrice == null ? "" : totalPrice);
            input.put("durationDays", durationDays == null ? "" : durationDays);
            input.put("projectManager", projectManager == null ? "" : projectManager);
            redirect.addFlashAttribute("sealForm", input);
            return "redirect:/workbench/tenders/" + id + "#seal-form";
        }
        return act(id, redirect, "tender.page.bid.sealed", () -> {
            if (name == null || name.isBlank()) {
                throw new DomainException(CommonError.VALIDATION_FAILED);
            }
            Map<String, Object> sheet = new java.util.LinkedHashMap<>();
            sheet.put("totalPrice", price.toString());
            if (days != null) {
                sheet.put("durationDays", days);
            }
            if (projectManager != null && !projectManager.isBlank()) {
                sheet.put("projectManager", projectManager.strip());
            }
            String priceSheet = org.sunbid.crypto.CanonicalJson.write(sheet);
            // the declared size includes the form line (at most 8 KB more than the file)
            bids.sealOnArrival(id, name, priceSheet, body, request.getContentLengthLong(), sources.of(request), user);
            // Shown back once, from this request: the platform keeps no plain copy of the price or the file.
            redirect.addFlashAttribute("sealedPrice", price.yuan());
            redirect.addFlashAttribute("sealedFile", name);
        });
    }

    /** Reads the URL-encoded form line that starts a sealed-on-arrival body, up to its line feed. */
    private static Map<String, String> formLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0 || line.size() >= SEAL_FORM_LIMIT) {
                throw new DomainException(CommonError.VALIDATION_FAILED);
            }
            line.write(b);
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : line.toString(java.nio.charset.StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    fields.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new DomainException(CommonError.VALIDATION_FAILED);
                }
            }
        }
        return fields;
    }

    @PostMapping("/{id}/bids/withdraw")
    String withdrawBid(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String statement,
            @RequestParam(required = false) String signature, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.bid.withdrawn",
                () -> bids.withdraw(id, statement, signature, null, sources.of(request), user));
    }

    /** A custodian releases its share, decrypted with the bidder tool and pasted into the page. */
    @PostMapping("/{id}/opening/share")
    String releaseShare(CurrentUser user, @PathVariable UUID id, @RequestParam String share, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.custodian.released", () -> {
            requireText(share);
            openings.releaseShare(id, share, user);
        });
    }

    @PostMapping("/{id}/opening/respond")
    String respond(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String objection,
            RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.opening.responded", () -> openings.respond(id, objection, user));
    }

    @PostMapping("/{id}/opening/answer/{bidderId}")
    String answerOpening(CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidderId, @RequestParam String text,
            RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.answered", () -> {
            requireText(text);
            openings.answer(id, bidderId, text, user);
        });
    }

    @PostMapping("/{id}/deposit/sandbox-guarantee")
    String guarantee(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "tender.page.guaranteed", () -> guarantees.submit(id, sandbox.issueGuarantee(id, user), user));
    }

    /** Whether a required text field is blank; if so its error (named by its label) is flashed for the page. */
    private boolean textMissing(String field, String labelKey, String text, RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        errors.text(field, labelKey, text);
        if (errors.any()) {
            errors.flash(redirect);
        }
        return errors.any();
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank() || text.length() > 20000) {
            throw new DomainException(CommonError.VALIDATION_FAILED);
        }
    }
}
