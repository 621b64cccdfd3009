package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session against the running platform's web UI, over real HTTP: cookies kept, redirects not followed so
 * they can be checked, the login form posted with its CSRF token.
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a binary body (a download), whatever its status. */
    public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on {@code page}. */
    public String csrf(String page) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(page).body());
        assertThat(m.find()).as("CSRF token on " + page).isTrue();
        return m.group(1);
    }

    public HttpResponse<String> login(String username) throws IOException, InterruptedException {
        String token = csrf("/login");
        return postForm("/login", "username=" + username + "&password=" + URLEncoder.encode(PlatformIT.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Posts a form on {@code page} to {@code action} with the page's CSRF token and {@code fields} (URL-encoded already). */
    public HttpResponse<String> submit(String page, String action, String fields) throws IOException, InterruptedException {
        String form = "_csrf=" + URLEncoder.encode(csrf(page), StandardCharsets.UTF_8);
        return postForm(action, fields == null || fields.isEmpty() ? form : form + "&" + fields);
    }
}
