package org.sunbid.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.PlatformIT;

/**
 * Acceptance 5 of issue 14: the bidder tool and the verifier are downloadable from the portal, without signing in, with
 * the SM3 the downloads page shows; the downloaded jars run (the bidder tool answers --help, the verifier computes the
 * bidder tool's SM3 as the page shows it).
 */
class DownloadsIT extends PlatformIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void bothToolsDownloadWithTheSm3ThePageShowsAndTheDownloadedJarsRun(@TempDir Path dir) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/downloads"))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("投标工具 sunbid-bidder").contains("验证工具 sunbid-verifier")
                .contains("gmssl sm3").doesNotContain("downloads-missing");

        for (String tool : new String[] {"sunbid-bidder", "sunbid-verifier"}) {
            String shown = sm3Shown(page.body(), tool);
            HttpResponse<byte[]> jar = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/downloads/" + tool + ".jar")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(jar.statusCode()).isEqualTo(200);
            assertThat(jar.headers().firstValue("Content-Type")).hasValue("application/java-archive");
            assertThat(jar.headers().firstValue("Content-Disposition").orElseThrow()).contains(tool + ".jar");
            assertThat(Sm3.hex(jar.body())).as(tool + " hashes to what the page shows").isEqualTo(shown);
            assertThat(page.body()).contains(String.format(java.util.Locale.ROOT, "%,d", jar.body().length));
            Files.write(dir.resolve(tool + ".jar"), jar.body());
        }

        // The downloaded jars run on their own, outside this JVM's classpath.
        Run help = java(dir, "-jar", "sunbid-bidder.jar", "--help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("usage: sunbid-bidder").contains("seal --platform URL");
        Run sum = java(dir, "-jar", "sunbid-verifier.jar", "sm3", "sunbid-bidder.jar");
        assertThat(sum.exit()).as(sum.output()).isZero();
        assertThat(sum.output().strip()).isEqualTo(sm3Shown(page.body(), "sunbid-bidder") + "  sunbid-bidder.jar");
    }

    @Test
    void onlyTheListedToolsAreServed() throws Exception {
        for (String path : new String[] {"/downloads/sunbid-platform.jar", "/downloads/..%2Fapplication.yml", "/downloads/bidder.jar"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("java-archive");
        }
    }

    private static String sm3Shown(String html, String tool) {
        Matcher m = Pattern.compile("id=\"sm3-" + tool + "\">([0-9a-f]{64})<").matcher(html);
        assertThat(m.find()).as("the page shows the SM3 of " + tool).isTrue();
        return m.group(1);
    }

    private record Run(int exit, String output) {
    }

    private static Run java(Path dir, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String[] command = new String[args.length + 1];
        command[0] = java;
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
