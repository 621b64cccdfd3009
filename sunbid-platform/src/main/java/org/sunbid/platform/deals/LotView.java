package org.sunbid.platform.deals;

import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * A lot (标段/采购包). A lot that runs a tender has the tender's id.
 *
 * @param id        the lot's id (= the tender's id where it runs one)
 * @param projectId its project
 * @param lotNo     1, 2, … within the project
 * @param lotCode   the project's deal code, "-", the lot number
 * @param name      e.g. 一标段, 采购包1
 * @param budget    its own estimated price or budget
 */
public record LotView(UUID id, UUID projectId, int lotNo, String lotCode, String name, Money budget) {
}
