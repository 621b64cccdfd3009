package org.sunbid.platform.deals.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.RuleVersion;

/** Public API of the procedure catalogue: every procedure, and its rules with their articles and effective dates. */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureApi {

    private final Procedures procedures;
    private final org.sunbid.platform.deals.MethodConditions conditions;
    private final java.time.Clock clock;

    ProcedureApi(Procedures procedures, org.sunbid.platform.deals.MethodConditions conditions, java.time.Clock clock) {
        this.procedures = procedures;
        this.conditions = conditions;
        this.clock = clock;
    }

    /** Every procedure, in the catalogue's order. */
    @GetMapping
    List<ProcedureView> all() {
        return procedures.all();
    }

    /** One procedure with every version of its rules. */
    @GetMapping("/{code}")
    ProcedureDetail one(@PathVariable String code) {
        ProcedureView p = procedures.get(code);
        return new ProcedureDetail(p, procedures.versions(code).stream().map(RuleRow::of).toList());
    }

    /** The procedure's rules in force on {@code date} (Beijing date; today when absent). */
    @GetMapping("/{code}/rules")
    List<RuleRow> rules(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate at = date != null ? date : Limit.beijingDate(clock.instant());
        return procedures.versions(code).stream().filter(v -> v.inForceOn(at)).map(RuleRow::of).toList();
    }

    /**
     * The procedure's conditions of use (适用情形: 政府采购法 Art. 29, 31, 32; 74号令 Art. 27; 财库〔2014〕214号 Art. 3) in
     * force on {@code date} (Beijing date; today when absent), with their articles.
     */
    @GetMapping("/{code}/conditions")
    List<org.sunbid.platform.deals.MethodCondition> conditions(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return conditions.inForce(code, date != null ? date : Limit.beijingDate(clock.instant()));
    }

    record ProcedureDetail(ProcedureView procedure, List<RuleRow> rules) {
    }

    /** One version of a rule, for JSON. */
    record RuleRow(String key, String amount, String unit, String article, LocalDate effectiveFrom, LocalDate effectiveTo) {

        static RuleRow of(RuleVersion v) {
            return new RuleRow(v.key(), v.limit().plain(), v.limit().unit().name(), v.limit().article(), v.effectiveFrom(),
                    v.effectiveTo());
        }
    }
}
