/**
 * Deals (交易项目): every kind of public deal in one shape. A trading project (统一交易标识码, kind, region, owner,
 * optional agency, value or budget) has one or more lots (标段/采购包) and runs one procedure (公开招标, 竞争性谈判, 拍卖,
 * 挂牌, …) whose steps and time limits are dated data, each with its unit (日 or 工作日) and article, evaluated at the
 * date of the event. Registration, deposits, sealing, the draw, evaluation, results and refunds are per lot and reused
 * by every procedure through their contexts' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deals (projects, lots, procedures)")
package org.sunbid.platform.deals;
