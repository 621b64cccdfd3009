package org.sunbid.platform.kernel;

import java.util.List;

/** Lines a context wants printed in the start-up banner (e.g. the demo accounts). */
public interface StartupNotes {

    List<String> lines();
}
