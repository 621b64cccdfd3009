/**
 * External credit lists (外部信用名单, issue 20 part S): 失信被执行人, 重大税收违法失信主体, 政府采购严重违法失信行为记录名单 and
 * others, defined as data (table {@code credit_list}: keeper, basis, gates), imported version by version — uploaded by
 * staff or read by the refresh job from a directory — each entry a credit record whose source is the list's name, kept
 * with the version that brought it. See {@link org.sunbid.platform.credit.lists.CreditLists} for the rules of an import
 * and {@link org.sunbid.platform.credit.lists.ListFile} for the file.
 */
@org.springframework.modulith.NamedInterface("lists")
package org.sunbid.platform.credit.lists;
