package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The path-first lookup finds what Spring's own finds, and refuses what it refuses, with the same exception. */
class HandlerLookupTest {

    @RestController
    static class Endpoints {
        @GetMapping("/api/v1/tenders/{id}")
        String tender(@PathVariable String id) {
            return id;
        }

        @PostMapping(path = "/api/v1/tenders/{id}/bids", consumes = "application/octet-stream")
        String upload(@PathVariable String id) {
            return id;
        }

        @PostMapping(path = "/api/v1/tenders/{id}/bids", consumes = "application/json")
        String uploadJson(@PathVariable String id) {
            return id;
        }

        @GetMapping(path = "/api/v1/tenders/{id}/bids/mine", produces = "application/json")
        String mine(@PathVariable String id) {
            return id;
        }

        @GetMapping("/api/v1/tenders")
        String list() {
            return "";
        }

        @GetMapping(path = "/api/v1/tenders/{id}/opening", params = "full")
        String openingFull(@PathVariable String id) {
            return id;
        }

        @GetMapping("/api/v1/tenders/{id}/opening")
        String opening(@PathVariable String id) {
            return id;
        }
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("endpoints", Endpoints.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static String lookup(RequestMappingHandlerMapping mapping, String method, String path, String contentType,
            String accept, String param) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (param != null) {
            request.setParameter(param, "1");
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().getName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void findsWhatSpringFindsAndRefusesWhatItRefuses() {
        RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
        RequestMappingHandlerMapping pathFirst = mapping(new HandlerLookupConfiguration.PathFirstHandlerMapping());
        String[][] requests = {
                {"GET", "/api/v1/tenders/42", null, null, null},
                {"POST", "/api/v1/tenders/42/bids", "application/octet-stream", null, null},
                {"POST", "/api/v1/tenders/42/bids", "application/json", null, null},
                {"POST", "/api/v1/tenders/42/bids", "text/plain", null, null},          // 415
                {"GET", "/api/v1/tenders/42/bids", null, null, null},                   // 405
                {"DELETE", "/api/v1/tenders/42", null, null, null},                     // 405
                {"GET", "/api/v1/tenders/42/bids/mine", null, "application/json", null},
                {"GET", "/api/v1/tenders/42/bids/mine", null, "text/csv", null},        // 406
                {"GET", "/api/v1/tenders", null, null, null},
                {"GET", "/api/v1/tenders/42/opening", null, null, "full"},
                {"GET", "/api/v1/tenders/42/opening", null, null, null},
                {"GET", "/api/v1/nothing/here", null, null, null},                      // no handler
                {"OPTIONS", "/api/v1/tenders/42/bids", null, null, null},
        };
        List<String> expected = new ArrayList<>(), actual = new ArrayList<>();
        for (String[] r : requests) {
            expected.add(r[0] + " " + r[1] + " → " + lookup(spring, r[0], r[1], r[2], r[3], r[4]));
            actual.add(r[0] + " " + r[1] + " → " + lookup(pathFirst, r[0], r[1], r[2], r[3], r[4]));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).contains("POST /api/v1/tenders/42/bids → upload", "POST /api/v1/tenders/42/bids → uploadJson",
                "GET /api/v1/tenders/42/opening → openingFull", "GET /api/v1/tenders/42/opening → opening",
                "POST /api/v1/tenders/42/bids → HttpMediaTypeNotSupportedException",
                "GET /api/v1/tenders/42/bids → HttpRequestMethodNotSupportedException");
    }
}
