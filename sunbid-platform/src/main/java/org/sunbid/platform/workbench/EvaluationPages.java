package org.sunbid.platform.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.EvaluationView;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.evaluation.ReviewVote;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.MyDraw;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.Tenders;

/**
 * The committee's workspace (评标工作台) and the owners' award page (定标). A member sees the bids side by side with
 * their decrypted files, reviews every qualification item of every bid, scores on their own (the others' scores and the
 * ranking appear only once everyone has submitted), explains an extreme score, and signs the report with their
 * certificate; the leader generates the report. The tender's owners answer objections to the candidates, award and
 * record the contract; bidders object during the publicity; everyone follows the deposit refunds due after the award.
 * Forms that fail come back with what was typed.
 */
@Controller
@RequestMapping("/workbench")
class EvaluationPages {

    private static final int MAX_TEXT = 2000;

    private final Evaluations evaluations;
    private final Awards awards;
    private final Deposits deposits;
    private final ExpertDraws draws;
    private final Tenders tenders;
    private final Regions regions;
    private final PageMessages messages;
    private final Menus menus;
    private final Forms forms;

    private final org.sunbid.platform.disclosure.DealStatuses statuses;
    private final org.sunbid.platform.supervision.evidence.Art40Checks art40;

    EvaluationPages(Evaluations evaluations, Awards awards, Deposits deposits, ExpertDraws draws, Tenders tenders,
            Regions regions, PageMessages messages, Menus menus, org.sunbid.platform.disclosure.DealStatuses statuses,
            Forms forms, org.sunbid.platform.supervision.evidence.Art40Checks art40) {
        this.art40 = art40;
        this.statuses = statuses;
        this.forms = forms;
        this.evaluations = evaluations;
        this.awards = awards;
        this.deposits = deposits;
        this.draws = draws;
        this.tenders = tenders;
        this.regions = regions;
        this.messages = messages;
        this.menus = menus;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", user.role() == Role.EXPERT ? "/workbench/evaluations" : "/workbench/tenders");
        model.addAttribute("menu", menus.of(user.role()));
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
    }

    // ------------------------------------------------------------------------------------------------ the list

    /** An evaluation the expert sits on, or one they signed in to that has not started yet. */
    record Seat(UUID tenderId, String projectCode, String tenderName, java.time.Instant evaluationStart, String venue,
            EvaluationView view) {
    }

    @GetMapping("/evaluations")
    String list(CurrentUser user, Model model) {
        List<Seat> seats = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (MyDraw d : draws.mine(user)) {
            if (d.signedInAt() == null || d.tenderId() == null || !seen.add(d.tenderId())) {
                continue;
            }
            EvaluationView view = evaluations.exists(d.tenderId()) ? evaluations.view(d.tenderId(), user) : null;
            seats.add(new Seat(d.tenderId(), d.projectCode(), d.tenderName(), d.evaluationStart(), d.evaluationVenue(), view));
        }
        model.addAttribute("seats", seats);
        return "workbench/evaluations";
    }

    // ------------------------------------------------------------------------------------------------ the workspace

    @GetMapping("/evaluations/{id}")
    String workspace(CurrentUser user, @PathVariable UUID id, Model model) {
        if (!evaluations.exists(id)) {
            model.addAttribute("tender", tenders.get(id, user)); // not found, or not the caller's to see
            model.addAttribute("canStart", user.role() == Role.EXPERT || user.role() == Role.CENTRE_STAFF);
            return "workbench/evaluation-start";
        }
        return workspacePage(user, id, Map.of(), null, model);
    }

    private String workspacePage(CurrentUser user, UUID id, Map<String, String> draft, String formError, Model model) {
        EvaluationView view = evaluations.view(id, user);
        model.addAttribute("ev", view);
        model.addAttribute("draft", draft);
        model.addAttribute("formError", formError);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        model.addAttribute("items", list(view.plan().get("qualification")));
        List<Map<String, Object>> criteria = new ArrayList<>(list(view.plan().get("technical")));
        criteria.addAll(list(view.plan().get("commercial")));
        model.addAttribute("criteria", criteria);
        model.addAttribute("sheetKeys", view.bids().stream().filter(b -> b.priceSheet() != null)
                .flatMap(b -> b.priceSheet().keySet().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
        Set<String> qualified = view.priceScores() == null ? Set.of() : view.priceScores().stream()
                .map(p -> String.valueOf(p.get("bidderId"))).collect(Collectors.toSet());
        model.addAttribute("scoredBids", view.bids().stream().filter(b -> qualified.contains(b.bidderId().toString())).toList());
        Map<String, Object> priceScore = new LinkedHashMap<>();
        if (view.priceScores() != null) {
            view.priceScores().forEach(p -> priceScore.put(String.valueOf(p.get("bidderId")), p.get("score")));
        }
        model.addAttribute("priceScore", priceScore);
        model.addAttribute("bidPrice", view.bids().stream().filter(b -> b.price() != null)
                .collect(Collectors.toMap(b -> b.bidderId().toString(), EvaluationView.Bid::price, (a, b) -> a)));
        model.addAttribute("bidderNames", view.bids().stream()
                .collect(Collectors.toMap(b -> b.bidderId().toString(), EvaluationView.Bid::bidder, (a, b) -> a)));
        model.addAttribute("memberNames", view.members().stream()
                .collect(Collectors.toMap(EvaluationView.Member::username, EvaluationView.Member::name, (a, b) -> a)));
        model.addAttribute("sheetTotals", totals(view.scoreSheets()));
        model.addAttribute("reasonsDue", view.awaiting().stream().filter(a -> a.startsWith("REASON:"))
                .map(a -> a.substring("REASON:".length())).toList());
        model.addAttribute("submittedScores", view.members().stream().filter(EvaluationView.Member::scored).count());
        model.addAttribute("submittedReviews", view.members().stream().filter(EvaluationView.Member::reviewed).count());
        model.addAttribute("isLeader", view.me() != null && view.me().equals(view.leader()));
        model.addAttribute("isOwner", tenders.owns(id, user));
        // Art. 40's flags for the committee, the region's staff and supervisors (the same rule as the API's)
        model.addAttribute("art40", art40.visibleTo(id, user) ? art40.flags(id, user) : List.of());
        model.addAttribute("afterPublicity", view.stage().compareTo(org.sunbid.platform.evaluation.Stage.PUBLICITY) >= 0
                && view.stage() != org.sunbid.platform.evaluation.Stage.FAILED);
        return "workbench/evaluation";
    }

    /** Each member's technical and commercial total per bidder: member → bidderId → total. */
    private static Map<String, Map<String, BigDecimal>> totals(List<Map<String, Object>> sheets) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (Map<String, Object> sheet : sheets) {
            Map<String, BigDecimal> row = out.computeIfAbsent(String.valueOf(sheet.get("member")), m -> new LinkedHashMap<>());
            if (sheet.get("scores") instanceof Map<?, ?> scores) {
                scores.forEach((bidder, items) -> {
                    BigDecimal total = BigDecimal.ZERO;
                    if (items instanceof Map<?, ?> m) {
                        for (Object v : m.values()) {
                            total = total.add(new BigDecimal(String.valueOf(v)));
                        }
                    }
                    row.put(String.valueOf(bidder), total);
                });
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @PostMapping("/evaluations/{id}/start")
    String start(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.started", () -> evaluations.start(id, user));
    }

    @PostMapping("/evaluations/{id}/leader")
    String leader(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String candidate,
            RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.leader", () -> evaluations.chooseLeader(id, candidate, user));
    }

    /** The review form: {@code pass:BIDDER:ITEM} = true/false and {@code reason:BIDDER:ITEM} for every opened bid. */
    @PostMapping("/evaluations/{id}/review")
    String review(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, Map<String, ReviewVote>> votes = new LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith("pass:")) {
                    String[] parts = key.split(":", 3);
                    if (parts.length == 3) {
                        String reason = form.getOrDefault("reason:" + parts[1] + ":" + parts[2], "");
                        votes.computeIfAbsent(parts[1], b -> new LinkedHashMap<>())
                                .put(parts[2], new ReviewVote("true".equals(value), reason.isBlank() ? null : reason.strip()));
                    }
                }
            });
            evaluations.review(id, votes, user);
            redirect.addFlashAttribute("done", "evaluation.done.reviewed");
            return "redirect:/workbench/evaluations/" + id;
        } catch (DomainException e) {
            response.setStatus(422);
            return workspacePage(user, id, form, messages.of(e), model);
        }
    }

    /** The scoring form: {@code score:BIDDER:CODE} for each qualified bid and criterion, {@code reason:BIDDER} optional. */
    @PostMapping("/evaluations/{id}/scores")
    String score(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            FormErrors errors = forms.errors();
            Map<String, String> bidders = evaluations.view(id, user).bids().stream()
                    .collect(Collectors.toMap(b -> b.bidderId().toString(), EvaluationView.Bid::bidder, (a, b) -> a));
            for (var e : form.entrySet()) {
                String[] parts = e.getKey().split(":", 3);
                if (parts[0].equals("score") && parts.length == 3) {
                    // The field's label is the bidder and the criterion, as the table shows them.
                    BigDecimal score = errors.number(e.getKey(), bidders.getOrDefault(parts[1], parts[1]) + " " + parts[2],
                            e.getValue());
                    scores.computeIfAbsent(parts[1], b -> new LinkedHashMap<>()).put(parts[2], score);
                } else if (parts[0].equals("reason") && parts.length == 2 && !e.getValue().isBlank()) {
                    reasons.put(parts[1], e.getValue().strip());
                }
            }
            if (errors.any()) {
                errors.show(model, response);
                return workspacePage(user, id, form, errors.summary(), model);
            }
            evaluations.score(id, scores, reasons, user);
            redirect.addFlashAttribute("done", "evaluation.done.scored");
            return "redirect:/workbench/evaluations/" + id;
        } catch (DomainException e) {
            response.setStatus(422);
            return workspacePage(user, id, form, messages.of(e), model);
        }
    }

    /** 谈判/磋商/单一来源: the leader closes the negotiation on the last opened round of final offers. */
    @PostMapping("/evaluations/{id}/negotiation/close")
    String closeNegotiation(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.negotiation-closed", () -> evaluations.closeNegotiation(id, user));
    }

    @PostMapping("/evaluations/{id}/reasons")
    String explain(CurrentUser user, @PathVariable UUID id, @RequestParam String bidderId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.explained", () -> evaluations.explain(id, bidderId, reason, user));
    }

    /** 87号令 Art. 60: the leader records the panel's decision on an explained abnormally low price. */
    @PostMapping("/evaluations/{id}/price-reviews/{bidderId}")
    String decidePrice(CurrentUser user, @PathVariable UUID id, @PathVariable String bidderId, @RequestParam boolean accept,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.priceReview",
                () -> evaluations.decidePriceReview(id, bidderId, accept, reason, user));
    }

    @PostMapping("/evaluations/{id}/report")
    String generate(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.report", () -> evaluations.generateReport(id, user));
    }

    @PostMapping("/evaluations/{id}/signature")
    String sign(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String signature,
            RedirectAttributes redirect) {
        return act(id, redirect, "evaluation.done.signed", () -> evaluations.signReport(id, signature, user));
    }

    @GetMapping("/evaluations/{id}/report.pdf")
    ResponseEntity<byte[]> report(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("evaluation-report-" + id + ".pdf").build().toString())
                .body(evaluations.report(id, user));
    }

    @GetMapping("/evaluations/{id}/bids/{bidId}/file")
    ResponseEntity<org.springframework.core.io.Resource> file(CurrentUser user, @PathVariable UUID id, @PathVariable UUID bidId,
            @RequestParam String name) {
        return evaluations.bidFile(id, bidId, name, user).asAttachment();
    }

    private String act(UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        return act("/workbench/evaluations/" + id, redirect, doneKey, command);
    }

    private String awardAct(UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        return act("/workbench/awards/" + id, redirect, doneKey, command);
    }

    /** Runs a command and goes back to {@code page}, with what was done or why it was refused. */
    private String act(String page, RedirectAttributes redirect, String doneKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:" + page;
    }

    // ------------------------------------------------------------------------------------------------ award

    @GetMapping("/awards/{id}")
    String award(CurrentUser user, @PathVariable UUID id, Model model) {
        Awards.AwardView view = awards.view(id, user);
        boolean owner = tenders.owns(id, user);
        model.addAttribute("award", view);
        model.addAttribute("isOwner", owner);
        model.addAttribute("isBidder", user.role() == Role.BIDDER);
        boolean follows = owner || user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR
                || user.role() == Role.ADMINISTRATOR;
        model.addAttribute("refunds", follows && view.winner() != null ? deposits.awardRefunds(id, user) : List.of());
        model.addAttribute("hasEvaluation", evaluations.exists(id));
        model.addAttribute("stage", statuses.of(tenders.get(id, user)));
        model.addAttribute("myResult", null);
        if (user.role() == Role.BIDDER && view.resultNotice() != null) {
            try { // 87号令 Art. 69: the supplier's own score and rank, nobody else's
                model.addAttribute("myResult", awards.myResult(id, null, user));
            } catch (DomainException e) {
                // no bid of ours in this lot
            }
        }
        return "workbench/award";
    }

    /** 政府采购法实施条例 Art. 50: the purchaser publishes the signed contract. */
    @PostMapping("/awards/{id}/contract/publication")
    String publishContract(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return awardAct(id, redirect, "award.done.contract-published", () -> awards.publishContract(id, user));
    }

    @PostMapping("/awards/{id}/objections")
    String object(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        return awardAct(id, redirect, "award.done.objected", () -> awards.object(id, text(text), user));
    }

    @PostMapping("/awards/{id}/objections/{objectionId}/answer")
    String answer(CurrentUser user, @PathVariable UUID id, @PathVariable UUID objectionId,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return awardAct(id, redirect, "award.done.answered", () -> awards.answer(id, objectionId, text(text), user));
    }

    @PostMapping("/awards/{id}/award")
    String awardTo(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID bidderId,
            RedirectAttributes redirect) {
        return awardAct(id, redirect, "award.done.awarded", () -> awards.award(id, bidderId, user));
    }

    /** The signed contract, uploaded: its SM3 is what the log keeps (the file itself stays with the parties). */
    @PostMapping("/awards/{id}/contract")
    String contract(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        return awardAct(id, redirect, "award.done.contract", () -> {
            if (file == null || file.isEmpty()) {
                throw new DomainException(CommonError.VALIDATION_FAILED);
            }
            try {
                awards.contractSigned(id, Sm3.hex(file.getBytes()), user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String text(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new DomainException(CommonError.VALIDATION_FAILED);
        }
        return text.strip();
    }

}
