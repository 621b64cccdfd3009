package org.sunbid.platform.kernel;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where the platform is once it is ready, and which demo accounts exist. Contexts that load data contribute
 * lines through {@link StartupNotes}.
 */
@Component
class StartupBanner {

    private final List<StartupNotes> notes;

    StartupBanner(List<StartupNotes> notes) {
        this.notes = notes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        StringBuilder out = new StringBuilder("\n");
        out.append("==========================================================================\n");
        out.append("  Sunbid 阳光交易 is running:  http://localhost:").append(port).append("/\n");
        out.append("  API: http://localhost:").append(port).append("/api/v1   OpenAPI: http://localhost:").append(port)
                .append("/v3/api-docs\n");
        for (StartupNotes note : notes) {
            note.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        out.append("==========================================================================\n");
        System.out.println(out);
    }
}
