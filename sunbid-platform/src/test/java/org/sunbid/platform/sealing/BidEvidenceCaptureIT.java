package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.PlatformIT;

/**
 * The Art. 40 capture runs inside the opening's transaction: a bid holding a file that cannot be read must not make it
 * fail. The unreadable file is a damaged zip entry (deflate data overwritten), which fails on read even for root, where a
 * chmod would not.
 */
class BidEvidenceCaptureIT extends PlatformIT {

    @Autowired
    BidEvidenceCapture capture;

    @TempDir
    Path dir;

    @Test
    void aBidWithAnUnreadableFile_isCapturedWithThatFileRecordedAsUnreadable_andTheOtherBidsFactsAreAllKept() throws Exception {
        String shared = "第三章 施工组织设计：本工程拟投入挖掘机贰台，混凝土罐车叁台，工期壹佰捌拾日历天。";
        Path zip = dir.resolve("bid1.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bad.txt"));
            out.write("这一份文件的内容在开标时读不出来，因为它已经损坏了。\n".repeat(50).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("good.txt"));
            out.write((shared + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "rw")) {
            f.seek(30 + "bad.txt".length()); // the first entry's deflate data: an invalid block type
            f.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        }
        Path bid2 = Files.createDirectories(dir.resolve("bid2"));
        Files.writeString(bid2.resolve("技术标.txt"), shared + "\n乙公司自己的一行文字，长度足够算作特异的文字行。\n");

        UUID tender = UUID.randomUUID();
        UUID bid1Id = UUID.randomUUID();
        UUID bid2Id = UUID.randomUUID();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Path bid1 = fs.getPath("/");
            List<BidEvidenceCapture.Opened> opened = List.of(
                    new BidEvidenceCapture.Opened(bid1Id, UUID.randomUUID(), "甲建设有限公司", Map.of(),
                            Map.of("projectManager", "张伟"), bid1),
                    new BidEvidenceCapture.Opened(bid2Id, UUID.randomUUID(), "乙建设有限公司", Map.of(),
                            Map.of("projectManager", Map.of("name", "张伟", "registrationNo", "云1532024012345")), bid2));
            assertThatCode(() -> capture.capture(tender, opened)).doesNotThrowAnyException();
        }

        List<BidEvidence> facts = capture.of(tender);
        assertThat(facts).filteredOn(e -> e.bidId().equals(bid1Id)).extracting(e -> e.kind() + ":" + e.detail())
                .contains("UNREADABLE:bad.txt", "FILE:good.txt", "LINE:good.txt:1", "PROJECT_MANAGER_NAME:张伟")
                .doesNotContain("PROJECT_MANAGER:张伟");
        assertThat(facts).filteredOn(e -> e.bidId().equals(bid2Id)).extracting(e -> e.kind() + ":" + e.detail())
                .contains("FILE:技术标.txt", "LINE:技术标.txt:1", "LINE:技术标.txt:2", "PROJECT_MANAGER_NAME:张伟",
                        "PROJECT_MANAGER:张伟")
                .noneMatch(s -> s.startsWith("UNREADABLE"));
        // the shared line is one keyed hash in both bids
        assertThat(facts).filteredOn(e -> e.kind() == BidEvidence.Kind.LINE && e.detail().endsWith(":1"))
                .extracting(BidEvidence::hash).hasSize(2).containsOnly(facts.stream()
                        .filter(e -> e.bidId().equals(bid2Id) && "LINE:技术标.txt:1".equals(e.kind() + ":" + e.detail()))
                        .findFirst().orElseThrow().hash());
    }
}
