// The pairs the Flows page lists, on both engines: support counted per order, each pair once,
// the shop's own orders only.
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../../tests/support/database";
import { createShop } from "../../../tests/support/factories";
import { frequentPairs } from "./co-occurrence.server";

const { db } = useTestDatabase();
const ctx: AppContext = { db, clock: new VirtualClock(new Date("2026-03-02T15:00:00.000Z")) };
let shopId: string;
let orderNumber = 0;

async function order(shop: string, products: [id: string, title: string][]) {
  orderNumber++;
  const created = await db.order.create({
    data: { shopId: shop, shopifyOrderId: String(orderNumber), name: `#${orderNumber}`, totalPrice: "10", currency: "USD", placedAt: ctx.clock.now() },
  });
  await db.orderLine.createMany({ data: products.map(([productId, title]) => ({ shopId: shop, orderId: created.id, productId, title })) });
}

const TENT: [string, string] = ["11", "Tent"];
const STAKES: [string, string] = ["12", "Tent stakes"];
const LAMP: [string, string] = ["13", "Lamp"];

beforeAll(async () => {
  shopId = (await createShop(ctx)).id;
  const otherShopId = (await createShop(ctx)).id;
  for (let i = 0; i < 3; i++) await order(shopId, [TENT, STAKES]);
  await order(shopId, [TENT, STAKES, LAMP]);
  await order(shopId, [TENT, LAMP]);
  await order(shopId, [LAMP]);
  // Another shop's orders never count.
  for (let i = 0; i < 5; i++) await order(otherShopId, [STAKES, LAMP]);
});

describe("frequentPairs", () => {
  it("lists each pair once with the orders holding both, the best supported first, down to the minimum", async () => {
    expect(await frequentPairs(ctx, shopId, { minOrders: 2, limit: 10 })).toEqual([
      { productA: { id: "11", title: "Tent" }, productB: { id: "12", title: "Tent stakes" }, orders: 4 },
      { productA: { id: "11", title: "Tent" }, productB: { id: "13", title: "Lamp" }, orders: 2 },
    ]);
  });

  it("keeps to the limit and to the minimum support", async () => {
    expect(await frequentPairs(ctx, shopId, { minOrders: 1, limit: 1 })).toHaveLength(1);
    expect(await frequentPairs(ctx, shopId, { minOrders: 5, limit: 10 })).toEqual([]);
  });
});
