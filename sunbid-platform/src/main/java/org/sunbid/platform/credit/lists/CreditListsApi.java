package org.sunbid.platform.credit.lists;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The external credit lists over HTTP: which lists there are and their latest version (public); a list's imports and
 * entries (administrators, centre staff, supervisors); uploading a version (administrators and centre staff). A refused
 * file answers 422 with the line named ({@code line} in the problem).
 */
@RestController
@RequestMapping("/api/v1/credit/lists")
class CreditListsApi {

    private final CreditLists lists;
    private final Problems problems;

    CreditListsApi(CreditLists lists, Problems problems) {
        this.lists = lists;
        this.problems = problems;
    }

    @GetMapping
    List<CreditLists.ListView> lists() {
        return lists.lists();
    }

    @GetMapping("/{code}/imports")
    List<CreditLists.ImportView> imports(@PathVariable String code, CurrentUser user) {
        staff(user, true);
        return lists.imports(code, 100);
    }

    @GetMapping("/{code}/entries")
    List<CreditLists.EntryView> entries(@PathVariable String code, @RequestParam(defaultValue = "false") boolean ended,
            CurrentUser user) {
        staff(user, true);
        return lists.entries(code, ended);
    }

    /**
     * A version of the list to import.
     *
     * @param listDate the list's own date (yyyy-MM-dd)
     * @param fileName the file's name, for the record (optional)
     * @param csv      the file's text ({@link ListFile#HEADER} first)
     */
    record Upload(String listDate, String fileName, String csv) {
    }

    /** 201 with the import; 200 with the first import when the same file was imported before (nothing changed). */
    @PostMapping("/{code}/imports")
    ResponseEntity<CreditLists.ImportView> upload(@PathVariable String code, @RequestBody(required = false) Upload body, CurrentUser user) {
        // a national list is in force in every region: only the administrator uploads a version (issue 20 fix K)
        if (user == null || user.role() != Role.ADMINISTRATOR) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (body == null) {
            throw new DomainException(CreditListError.CREDIT_LIST_REQUEST_INVALID, "csv");
        }
        LocalDate date;
        try {
            date = body.listDate() == null ? null : LocalDate.parse(body.listDate());
        } catch (DateTimeParseException e) {
            throw new DomainException(CreditListError.CREDIT_LIST_REQUEST_INVALID, "listDate");
        }
        CreditLists.ImportView v = lists.importVersion(code, date,
                body.csv() == null ? null : body.csv().getBytes(StandardCharsets.UTF_8), body.fileName(),
                CreditLists.Origin.UPLOAD, user.actor());
        return ResponseEntity.status(v.unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(v);
    }

    /** RFC 9457 with the refused line as {@code line} and its problem as {@code lineProblem}. */
    @ExceptionHandler(MalformedListException.class)
    ProblemDetail malformed(MalformedListException e) {
        ProblemDetail problem = problems.of(e.errorCode(), e.arguments());
        problem.setProperty("line", e.line());
        problem.setProperty("lineProblem", e.problem().name());
        return problem;
    }

    private static void staff(CurrentUser user, boolean supervisorsToo) {
        if (user == null || !(user.role() == Role.ADMINISTRATOR || user.role() == Role.CENTRE_STAFF
                || supervisorsToo && user.role() == Role.SUPERVISOR)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
    }
}
