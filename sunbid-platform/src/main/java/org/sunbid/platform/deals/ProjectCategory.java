package org.sunbid.platform.deals;

/** What a project buys or sells (政府采购法 Art. 2: 货物、工程和服务). */
public enum ProjectCategory {
    /** 工程. */
    WORKS,
    /** 货物. */
    GOODS,
    /** 服务. */
    SERVICES
}
