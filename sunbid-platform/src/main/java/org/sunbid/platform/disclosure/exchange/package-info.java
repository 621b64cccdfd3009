/**
 * The national data exchange (全国公共资源交易平台数据交换, 公共资源交易平台管理暂行办法 Art. 9): the public facts of every deal,
 * as the datasets of the national data specification ({@link org.sunbid.platform.disclosure.exchange.DataSpec}), keyed
 * by the unified deal code, queued in an outbox after the owning context's event committed, delivered through the
 * {@code NationalPlatform} port with retries and backoff (at-least-once; the receiving side deduplicates by record id
 * and content SM3), receipts stored, and replayable from any date. Only what the portal already shows an anonymous
 * visitor is exported. Internal to disclosure.
 */
package org.sunbid.platform.disclosure.exchange;
