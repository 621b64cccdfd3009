package org.sunbid.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the bounded contexts honest: no cycles, no use of another context's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SunbidApplication.class);

    @Test
    void contextsOnlyUseEachOthersApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
