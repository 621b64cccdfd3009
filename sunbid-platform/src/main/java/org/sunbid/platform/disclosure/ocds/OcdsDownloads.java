package org.sunbid.platform.disclosure.ocds;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sunbid.platform.kernel.DomainException;

/**
 * The daily OCDS bulk files for download from the 数据开放 page ({@code /open-data/ocds/<yyyy-MM-dd>.jsonl.gz}), with
 * the SM3 the transparency log holds in a header ({@code X-Sunbid-SM3}) and on the page.
 */
@Controller
class OcdsDownloads {

    private final OcdsBulkFiles files;

    OcdsDownloads(OcdsBulkFiles files) {
        this.files = files;
    }

    @GetMapping("/open-data/ocds/{id}.jsonl.gz")
    ResponseEntity<InputStreamResource> download(@PathVariable("id") String day) throws java.io.IOException {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeException e) {
            throw new DomainException(OcdsError.OCDS_BAD_PARAMETER, "day", day);
        }
        OcdsBulkFiles.BulkFile file = files.find(date).orElseThrow(() -> new DomainException(OcdsError.OCDS_FILE_NOT_FOUND, day));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/gzip")).contentLength(file.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
                .header("X-Sunbid-SM3", file.sm3()).body(new InputStreamResource(files.open(date)));
    }
}
