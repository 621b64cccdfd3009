package org.sunbid.platform.disclosure.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm3;

/**
 * The tools the portal offers for download (工具下载): the bidder tool and the verifier, packaged with the application
 * under {@code downloads/} on its classpath (the platform's build copies them from their modules). Each is read once at
 * start-up and its SM3 hash computed from the very bytes that are served, so the hash on the page is the hash of the
 * download. A build without them (run from an IDE before {@code mvn package}) lists them as missing.
 */
@Component
class ToolDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(ToolDownloads.class);

    /** The downloadable files, in the order the page lists them, with the artifact each one was built from. */
    static final Map<String, String> FILES = Map.of("sunbid-bidder.jar", "sunbid-bidder", "sunbid-verifier.jar", "sunbid-verifier");
    private static final List<String> ORDER = List.of("sunbid-bidder.jar", "sunbid-verifier.jar");

    /** One download: its file name, version (from the jar's Maven metadata), size in bytes, SM3 hex and the bytes. */
    record Tool(String file, String version, long size, String sm3, byte[] bytes) {
        /** The file's name without ".jar": the page's anchors and message keys. */
        public String key() {
            return file.substring(0, file.indexOf('.'));
        }
    }

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    ToolDownloads() {
        for (String file : ORDER) {
            try (InputStream in = ToolDownloads.class.getClassLoader().getResourceAsStream("downloads/" + file)) {
                if (in == null) {
                    LOG.warn("downloads/{} is not packaged with this build: the portal cannot offer it (build with ./sunbid)", file);
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                tools.put(file, new Tool(file, version(bytes, FILES.get(file)), bytes.length, Sm3.hex(bytes), bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read downloads/" + file, e);
            }
        }
    }

    /** Every tool packaged with this build, in the page's order. */
    List<Tool> all() {
        return List.copyOf(tools.values());
    }

    /** The file names the page offers that this build lacks. */
    List<String> missing() {
        return ORDER.stream().filter(f -> !tools.containsKey(f)).toList();
    }

    Optional<Tool> get(String file) {
        return Optional.ofNullable(tools.get(file));
    }

    /** The version recorded in the jar's META-INF/maven/org.sunbid/ARTIFACT/pom.properties, or "?" without one. */
    private static String version(byte[] jar, String artifact) throws IOException {
        String wanted = "META-INF/maven/org.sunbid/" + artifact + "/pom.properties";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(wanted)) {
                    Properties p = new Properties();
                    p.load(zip);
                    return p.getProperty("version", "?");
                }
            }
        }
        return "?";
    }
}
