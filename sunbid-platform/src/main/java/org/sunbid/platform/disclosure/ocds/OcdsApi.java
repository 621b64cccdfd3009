package org.sunbid.platform.disclosure.ocds;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.DomainException;

/**
 * OCDS 1.1 open data (no login; issue 18): every public trading project as a contracting process. {@code GET
 * /api/v1/ocds/releases} (a release package, oldest first, {@code since}/{@code until} as an RFC 3339 date-time or a
 * Beijing date, {@code page} from 1 and {@code size} up to 100), {@code /releases/{id}} (one release in a package),
 * {@code /records} and {@code /records/{ocid}} (record packages: each record's releases linked by URL, and its compiled
 * release). Bad parameters are problem+json {@code OCDS_BAD_PARAMETER}; unknown ids {@code OCDS_RELEASE_NOT_FOUND},
 * {@code OCDS_RECORD_NOT_FOUND}. The same data gives the same bytes (publishedDate is the newest release's date).
 */
@RestController
@RequestMapping("/api/v1/ocds")
class OcdsApi {

    static final int MAX_SIZE = 100;

    private final OcdsReleases releases;
    private final OcdsPackages packages;
    private final OcdsJson json = new OcdsJson();

    OcdsApi(OcdsReleases releases, OcdsPackages packages) {
        this.releases = releases;
        this.packages = packages;
    }

    @GetMapping("/releases")
    ResponseEntity<byte[]> releases(@RequestParam(required = false) String since, @RequestParam(required = false) String until,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Instant from = since == null ? null : instant("since", since, false);
        Instant to = until == null ? null : instant("until", until, true);
        if (from != null && to != null && !to.isAfter(from)) { // an empty or reversed range
            throw new DomainException(OcdsError.OCDS_BAD_PARAMETER, "until", until);
        }
        int pageNo = number("page", page, 1, Integer.MAX_VALUE, 1);
        int pageSize = number("size", size, 1, MAX_SIZE, MAX_SIZE);
        List<Map<String, Object>> all = releases.all().stream()
                .filter(r -> from == null || !OcdsMapping.instant(r).isBefore(from))
                .filter(r -> to == null || OcdsMapping.instant(r).isBefore(to)).toList();
        int start = (int) Math.min(all.size(), (long) (pageNo - 1) * pageSize);
        List<Map<String, Object>> shown = all.subList(start, Math.min(all.size(), start + pageSize));
        Map<String, Object> p = packages.releasePackage(uri(), shown);
        p.put("links", links(start + pageSize < all.size(), pageNo));
        return ok(p);
    }

    @GetMapping("/releases/{id}")
    ResponseEntity<byte[]> release(@PathVariable String id) {
        // ocds-<prefix>-<KIND>-<credit code>-<yyyyMMdd>-<serial>-<lot>-<event>: the ocid is the first six parts
        String[] parts = id.split("-", 7);
        Map<String, Object> found = parts.length < 7 ? null : releases.process(String.join("-", List.of(parts).subList(0, 6)))
                .flatMap(rs -> rs.stream().filter(r -> id.equals(r.get("id"))).findFirst()).orElse(null);
        if (found == null) {
            throw new DomainException(OcdsError.OCDS_RELEASE_NOT_FOUND, id);
        }
        return ok(packages.releasePackage(uri(), List.of(found)));
    }

    @GetMapping("/records")
    ResponseEntity<byte[]> records(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        int pageNo = number("page", page, 1, Integer.MAX_VALUE, 1);
        int pageSize = number("size", size, 1, MAX_SIZE, MAX_SIZE);
        List<List<Map<String, Object>>> processes = new ArrayList<>();
        releases.forEachProcess(processes::add);
        int start = (int) Math.min(processes.size(), (long) (pageNo - 1) * pageSize);
        Map<String, Object> p = packages.recordPackage(uri(), base(),
                processes.subList(start, Math.min(processes.size(), start + pageSize)));
        p.put("links", links(start + pageSize < processes.size(), pageNo));
        return ok(p);
    }

    @GetMapping("/records/{id}")
    ResponseEntity<byte[]> record(@PathVariable("id") String ocid) {
        List<Map<String, Object>> process = releases.process(ocid)
                .orElseThrow(() -> new DomainException(OcdsError.OCDS_RECORD_NOT_FOUND, ocid));
        return ok(packages.recordPackage(uri(), base(), List.of(process)));
    }

    /** The package's bytes through {@link OcdsJson}, as the bulk file writes them. */
    private ResponseEntity<byte[]> ok(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.bytes(body));
    }

    private static Map<String, Object> links(boolean more, int page) {
        Map<String, Object> links = new LinkedHashMap<>();
        if (more) {
            links.put("next", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page + 1).toUriString());
        }
        if (page > 1) {
            links.put("prev", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page - 1).toUriString());
        }
        return links;
    }

    private static String uri() {
        return ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** An RFC 3339 date-time, or a Beijing date (its start; for {@code until} the next day's start). */
    static Instant instant(String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(Limit.BEIJING).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new DomainException(OcdsError.OCDS_BAD_PARAMETER, name, value);
        }
    }

    static int number(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DomainException(OcdsError.OCDS_BAD_PARAMETER, name, value);
    }
}
