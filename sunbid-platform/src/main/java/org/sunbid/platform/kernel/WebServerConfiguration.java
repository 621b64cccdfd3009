package org.sunbid.platform.kernel;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded Tomcat's request parsing and its own error pages. An encoded slash ({@code %2F}) in a path is passed
 * through to the application, where the security firewall refuses it with a problem (it is never decoded into a path
 * separator). What Tomcat refuses itself before the application sees the request (an invalid percent-escape, a null
 * byte, a backslash) is answered on {@code /api/} paths as problem+json like every other bad request, never with
 * Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** Puts {@link ProblemReportValve} in place of every other error report valve of the host, once all are added. */
    @Bean
    TomcatContextCustomizer problemsForContainerErrors(Problems problems, JsonMapper json) {
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
                    host.getPipeline().addValve(new ProblemReportValve(problems, json));
                }
            }
        });
    }

    /** Tomcat's error report: problem+json on API paths, Tomcat's plain page (no report, no server info) elsewhere. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final Problems problems;
        private final JsonMapper json;

        ProblemReportValve(Problems problems, JsonMapper json) {
            this.problems = problems;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (uri == null || !(uri.startsWith("/api/") || uri.startsWith("/v3/"))) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemDetail problem = problems.of(ErrorEndpoint.codeFor(status), Locale.SIMPLIFIED_CHINESE);
            problem.setStatus(status);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", String.valueOf(problem.getType()));
            body.put("title", problem.getTitle());
            body.put("status", status);
            body.put("detail", problem.getDetail());
            body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is already on its way: nothing more to say
            }
        }
    }
}
