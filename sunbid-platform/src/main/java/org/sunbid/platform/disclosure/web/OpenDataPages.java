package org.sunbid.platform.disclosure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * 数据开放 for people: what the platform publishes and how to use it (the portal pages, the transparency log, the
 * verifier), and the API reference rendered as a page from the same OpenAPI description /v3/api-docs serves (paths,
 * methods, parameters and schemas; nothing fetched from elsewhere).
 */
@Controller
class OpenDataPages {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final ObjectProvider<OpenApiWebMvcResource> openApi;
    private final JsonMapper json;
    private final org.sunbid.platform.disclosure.ocds.OcdsBulkFiles ocdsFiles;

    OpenDataPages(ObjectProvider<OpenApiWebMvcResource> openApi, JsonMapper json,
            org.sunbid.platform.disclosure.ocds.OcdsBulkFiles ocdsFiles) {
        this.openApi = openApi;
        this.json = json;
        this.ocdsFiles = ocdsFiles;
    }

    @GetMapping("/open-data")
    String openData(Model model) {
        model.addAttribute("platformUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        model.addAttribute("ocdsFiles", ocdsFiles.files()); // issue 18 (O): the daily OCDS bulk files
        return "portal/open-data";
    }

    /** One operation of the API as the reference lists it. */
    record Operation(String method, String path, String summary, String description, List<Parameter> parameters,
            String requestBody, Map<String, String> responses, String tag) {
    }

    /** A parameter: where it goes, its type, whether required. */
    record Parameter(String name, String in, String type, boolean required, String description) {
    }

    /** A schema: its properties with their types, required ones marked. */
    record Schema(String name, String description, List<Parameter> properties) {
    }

    @GetMapping("/open-data/api")
    String reference(HttpServletRequest request, Locale locale, Model model) throws Exception {
        OpenApiWebMvcResource resource = openApi.getIfAvailable();
        Map<String, Object> doc = resource == null ? Map.of()
                : json.readValue(resource.openapiJson(request, "/v3/api-docs", locale), Map.class);
        List<Operation> operations = new ArrayList<>();
        map(doc.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> o = map(op);
            List<Parameter> parameters = new ArrayList<>();
            for (Object p : list(o.get("parameters"))) {
                Map<String, Object> pm = map(p);
                parameters.add(new Parameter(str(pm.get("name")), str(pm.get("in")), type(map(pm.get("schema"))),
                        Boolean.TRUE.equals(pm.get("required")), str(pm.get("description"))));
            }
            String body = null;
            Map<String, Object> content = map(map(o.get("requestBody")).get("content"));
            if (!content.isEmpty()) {
                var first = content.entrySet().iterator().next();
                body = first.getKey() + " · " + type(map(map(first.getValue()).get("schema")));
            }
            Map<String, String> responses = new LinkedHashMap<>();
            map(o.get("responses")).forEach((code, r) -> responses.put(code, str(map(r).get("description"))));
            List<Object> tags = list(o.get("tags"));
            operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, str(o.get("summary")), str(o.get("description")),
                    parameters, body, responses, tags.isEmpty() ? "" : str(tags.get(0))));
        }));
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(o -> METHODS.indexOf(o.method().toLowerCase(Locale.ROOT))));
        List<Schema> schemas = new ArrayList<>();
        new TreeMap<>(map(map(doc.get("components")).get("schemas"))).forEach((name, s) -> {
            Map<String, Object> sm = map(s);
            List<Object> required = list(sm.get("required"));
            List<Parameter> properties = new ArrayList<>();
            map(sm.get("properties")).forEach((prop, ps) -> properties.add(new Parameter(prop, "", type(map(ps)),
                    required.contains(prop), str(map(ps).get("description")))));
            schemas.add(new Schema(name, str(sm.get("description")), properties));
        });
        Map<String, Object> info = map(doc.get("info"));
        model.addAttribute("title", str(info.get("title")));
        model.addAttribute("version", str(info.get("version")));
        model.addAttribute("operations", operations);
        model.addAttribute("schemas", schemas);
        return "portal/api-reference";
    }

    /** A schema's type as people read it: a reference's name, an array's item type with [], a format when given. */
    static String type(Map<String, Object> schema) {
        if (schema.isEmpty()) {
            return "";
        }
        if (schema.get("$ref") instanceof String ref) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if ("array".equals(schema.get("type"))) {
            return type(map(schema.get("items"))) + "[]";
        }
        if (schema.get("type") instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("");
        }
        String type = str(schema.get("type"));
        if ("object".equals(type) && schema.get("additionalProperties") instanceof Map<?, ?> values) {
            return "map<string, " + type(map(values)) + ">";
        }
        return schema.get("format") == null ? type : type + " (" + schema.get("format") + ")";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
