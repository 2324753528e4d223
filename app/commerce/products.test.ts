// Product details through the Admin API double: fetched once, kept a week, and the last known
// details when Shopify cannot be asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
// The double first: it loads the Shopify library's runtime adapter the test client needs.
import { createShopifyAdminDouble } from "~/sandbox/shopify-admin-double.server";
import { adminGraphqlFor } from "~/sandbox/admin-double-test-client";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { bestSellerProductId, productDetails } from "./products.server";

const { db } = useTestDatabase();
const clock = new VirtualClock(new Date("2026-03-02T15:00:00.000Z"));
const ctx: AppContext = { db, clock };
const double = createShopifyAdminDouble({ now: () => clock.now() });
let uninstall: () => void;
let shop: { id: string; domain: string };
let calls = 0;
const admin = async () => {
  calls++;
  return adminGraphqlFor(shop.domain);
};

beforeAll(async () => {
  uninstall = double.install();
  shop = await createShop(ctx);
});
afterAll(() => uninstall());

describe("productDetails", () => {
  it("reads the title, storefront link and featured image from the Admin API, then from the cache for a week", async () => {
    double.seedProduct({ id: 501, title: "Wool beanie", shop: shop.domain, imageUrl: "https://cdn.shopify.com/beanie.jpg" });
    const expected = { title: "Wool beanie", url: `https://${shop.domain}/products/wool-beanie`, imageUrl: "https://cdn.shopify.com/beanie.jpg" };
    expect(await productDetails(ctx, admin, shop.id, "501")).toEqual(expected);
    double.seedProduct({ id: 501, title: "Merino beanie", shop: shop.domain, imageUrl: "https://cdn.shopify.com/merino.jpg" });
    const before = calls;
    expect(await productDetails(ctx, admin, shop.id, "501")).toEqual(expected);
    expect(calls).toBe(before);

    clock.advanceMinutes(8 * 24 * 60);
    expect(await productDetails(ctx, admin, shop.id, "501")).toMatchObject({ title: "Merino beanie", imageUrl: "https://cdn.shopify.com/merino.jpg" });
  });

  it("is null for a product Shopify does not have, and the last known details when Shopify fails", async () => {
    expect(await productDetails(ctx, admin, shop.id, "999")).toBeNull();
    double.seedProduct({ id: 502, title: "Rain shell", shop: shop.domain, onlineStoreUrl: null });
    expect(await productDetails(ctx, admin, shop.id, "502")).toEqual({ title: "Rain shell", url: null, imageUrl: null });
    clock.advanceMinutes(8 * 24 * 60);
    const failing = async () => ({ graphql: async () => new Response("", { status: 503 }) });
    expect(await productDetails(ctx, failing, shop.id, "502")).toEqual({ title: "Rain shell", url: null, imageUrl: null });
  });
});

describe("bestSellerProductId", () => {
  it("is the product in the most orders, null before any", async () => {
    const fresh = await createShop(ctx);
    expect(await bestSellerProductId(ctx, fresh.id)).toBeNull();
    const lines = [["7"], ["7", "8"], ["8"], ["8"]];
    for (const [i, products] of lines.entries()) {
      const order = await db.order.create({ data: { shopId: fresh.id, shopifyOrderId: String(i), name: `#${i}`, totalPrice: "5", currency: "USD", placedAt: clock.now() } });
      await db.orderLine.createMany({ data: products.map((productId) => ({ shopId: fresh.id, orderId: order.id, productId, title: `P${productId}` })) });
    }
    expect(await bestSellerProductId(ctx, fresh.id)).toBe("8");
  });
});
