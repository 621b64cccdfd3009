package org.sunbid.platform.kernel;

/** Which PostgreSQL this deployment runs on. */
public enum DatabaseKind {
    /** The embedded server under {@code data/pg}, started and stopped with the application. */
    EMBEDDED,
    /** A server configured with {@code SUNBID_DB_URL}. */
    EXTERNAL
}
