package org.sunbid.platform.disclosure;

/**
 * Full-text search over everything the portal has published (issue 18): notices, clarifications, results, publicity
 * and decisions of every kind and region. The index follows the database (rebuilt from it when missing, kept up to date
 * by the owning contexts' events), never the other way round, and holds nothing before it is public.
 */
public interface NoticeSearch {

    /** One page of what matches {@code query}, newest or most relevant first as asked. */
    NoticeResults search(NoticeQuery query);
}
