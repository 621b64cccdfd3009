package org.sunbid.platform.deals.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.deals.ProcurementIntention;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Trading projects over HTTP (read side). Registering one is tendering's {@code POST /api/v1/projects}, since the
 * procedure that runs the lots decides who may. A caller sees the projects of its organisation (as owner or agency)
 * and, for staff, those of its region.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApi {

    private final Projects projects;

    ProjectApi(Projects projects) {
        this.projects = projects;
    }

    /** Projects filtered by kind, procedure, region (with everything inside it) and registration date, newest first. */
    @GetMapping
    List<ProjectView> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "100") int limit, CurrentUser user) {
        return projects.list(new Projects.Filter(blankToNull(kind), blankToNull(procedure), blankToNull(region), from, to),
                user, limit);
    }

    /** One project with its lots. */
    @GetMapping("/{id}")
    ProjectView one(@PathVariable UUID id, CurrentUser user) {
        return projects.get(id, user);
    }

    /** The project's procurement intention or exemption (采购意向, 财库〔2020〕10号), 404 if none is recorded. */
    @GetMapping("/{id}/intention")
    ProcurementIntention intention(@PathVariable UUID id, CurrentUser user) {
        projects.get(id, user);
        return projects.intention(id).orElseThrow(() -> new DomainException(CommonError.NOT_FOUND));
    }

    /** The owner or its agency publishes the project's procurement intention now. */
    @PostMapping("/{id}/intention")
    ProcurementIntention publishIntention(@PathVariable UUID id, @RequestBody IntentionInput body, CurrentUser user) {
        return projects.publishIntention(id, body.summary(), body.expected(), user);
    }

    /** The owner or its agency records why the project publishes no intention: the ground and the reason. */
    @PostMapping("/{id}/intention-exemption")
    ProcurementIntention exempt(@PathVariable UUID id, @RequestBody ExemptionInput body, CurrentUser user) {
        return projects.exemptFromIntention(id, body.ground(), body.reason(), user);
    }

    /** 采购需求概况 and 预计采购时间 (yyyy-MM). */
    record IntentionInput(String summary, YearMonth expected) {
    }

    /** URGENT (紧急采购) or CLASSIFIED (涉密), with the reason in words. */
    record ExemptionInput(ProcurementIntention.ExemptionGround ground, String reason) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
