package org.sunbid.platform.disclosure.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 工具下载: the page listing the bidder tool and the verifier with size, version and SM3, and the files themselves. */
@Controller
class DownloadsController {

    private final ToolDownloads downloads;

    DownloadsController(ToolDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/downloads")
    String page(Model model) {
        model.addAttribute("tools", downloads.all());
        model.addAttribute("missing", downloads.missing());
        model.addAttribute("platformUrl", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return "portal/downloads";
    }

    @GetMapping("/downloads/{file}")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        ToolDownloads.Tool tool = downloads.get(file).orElseThrow(
                () -> new org.sunbid.platform.kernel.DomainException(org.sunbid.platform.kernel.CommonError.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/java-archive"))
                .header("Content-Disposition", ContentDisposition.attachment().filename(tool.file()).build().toString())
                .contentLength(tool.size())
                .body(tool.bytes());
    }
}
