package org.sunbid.platform.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;

/** Public API of the region tree: which regions this deployment serves. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    private final Regions regions;

    RegionApi(Regions regions) {
        this.regions = regions;
    }

    /** The whole tree, nested. */
    @GetMapping
    List<RegionNode> tree() {
        return nest(regions.all());
    }

    /** One region with everything inside it. */
    @GetMapping("/{code}")
    RegionNode region(@PathVariable String code) {
        return nest(regions.subtree(code)).get(0);
    }

    /** A region with its children, for JSON. */
    record RegionNode(String code, String name, String level, List<RegionNode> children) {
    }

    static List<RegionNode> nest(List<Region> ordered) {
        Map<String, RegionNode> byCode = new LinkedHashMap<>();
        List<RegionNode> roots = new ArrayList<>();
        for (Region r : ordered) { // parents come before children
            RegionNode node = new RegionNode(r.code(), r.name(), r.level().name(), new ArrayList<>());
            byCode.put(r.code(), node);
            RegionNode parent = r.parentCode() == null ? null : byCode.get(r.parentCode());
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }
}
