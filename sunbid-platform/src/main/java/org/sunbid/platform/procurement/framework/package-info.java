/**
 * Framework agreements' rules in plain Java (框架协议采购, 财政部令第110号): the terms a lot's dated rules give
 * ({@link org.sunbid.platform.procurement.framework.FrameworkTerms}), the agreement's state
 * ({@link org.sunbid.platform.procurement.framework.FrameworkAgreement}), shortlisting with its elimination rule
 * ({@link org.sunbid.platform.procurement.framework.Shortlisting}), rotation and the sealed secondary competition.
 * No Spring, no SQL; time comes from the caller.
 */
package org.sunbid.platform.procurement.framework;
