package org.sunbid.platform.workbench;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.platform.experts.SandboxNotifier;
import org.sunbid.platform.parties.Role;

/** The workbench menus, with the sandbox phone for experts only where the sandbox SMS gateway runs. */
@Component
class Menus {

    private final ObjectProvider<SandboxNotifier> sandboxPhone;

    Menus(ObjectProvider<SandboxNotifier> sandboxPhone) {
        this.sandboxPhone = sandboxPhone;
    }

    List<MenuItem> of(Role role) {
        return MenuItem.of(role, sandboxPhone.getIfAvailable() != null);
    }
}
