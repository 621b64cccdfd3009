package org.sunbid.platform.mall.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a price-evidence file may be (价格证据截图或文件): a screenshot (PNG, JPEG, WebP) or a PDF (a manufacturer's
 * price list), told by its first bytes — never by its name or by the type the browser claims — and at most
 * {@link #MAX_BYTES}.
 */
public enum EvidenceFileType {
    /** PNG: {@code 89 50 4E 47 0D 0A 1A 0A}. */
    PNG("image/png", ".png"),
    /** JPEG: {@code FF D8 FF}. */
    JPEG("image/jpeg", ".jpg"),
    /** WebP: {@code RIFF} ···· {@code WEBP}. */
    WEBP("image/webp", ".webp"),
    /** PDF: {@code %PDF-}. */
    PDF("application/pdf", ".pdf");

    /** The largest file kept: 10 MiB (a full-page shop screenshot or a price list fits; as price explanations). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final String mediaType;
    private final String extension;

    EvidenceFileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type the file is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, dot included. */
    public String extension() {
        return extension;
    }

    /** The type {@code content} starts as, or empty when it is none of them (an empty file is none). */
    public static Optional<EvidenceFileType> of(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (startsWith(content, PNG_MAGIC, 0)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC, 0)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PDF_MAGIC, 0)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] {'R', 'I', 'F', 'F'}, 0) && startsWith(content, new byte[] {'W', 'E', 'B', 'P'}, 8)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * The name a file is kept and offered under: the uploader's own name without path separators or control
     * characters (at most 200 characters), or {@code 价格证据} with the type's extension when it has none.
     */
    public static String cleanName(String given, EvidenceFileType type) {
        String clean = given == null ? "" : given.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        return clean.isEmpty() ? "价格证据" + type.extension() : clean;
    }

    private static boolean startsWith(byte[] content, byte[] magic, int at) {
        return content.length >= at + magic.length && Arrays.equals(content, at, at + magic.length, magic, 0, magic.length);
    }
}
