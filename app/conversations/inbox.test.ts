import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { listConversations } from "./inbox.server";

const { db } = useTestDatabase();
const ctx: AppContext = { db, clock: new VirtualClock(new Date("2026-03-02T15:00:00.000Z")) };
let shopId: string;
let otherShopId: string;

async function thread(shop: string, phone: string, names: { firstName?: string; lastName?: string } = {}, minutesAgo = 0) {
  const contact = await db.contact.create({ data: { shopId: shop, phone, ...names } });
  const at = new Date(ctx.clock.now().getTime() - minutesAgo * 60_000);
  await db.conversation.create({ data: { shopId: shop, contactId: contact.id, lastMessageAt: at, lastMessagePreview: `from ${phone}` } });
  return contact;
}

const phonesFound = async (search: string, shop = shopId) =>
  (await listConversations(ctx, { shopId: shop, tab: "all", search })).rows.map((row) => row.phone);

beforeAll(async () => {
  shopId = (await createShop(ctx)).id;
  otherShopId = (await createShop(ctx)).id;
  await thread(shopId, "+13125550101", { firstName: "Ada", lastName: "Lovelace" }, 3);
  await thread(shopId, "+13125550102", { firstName: "Grace", lastName: "Hopper" }, 2);
  const alan = await thread(shopId, "+17735550103", { firstName: "Alan" }, 1);
  await thread(otherShopId, "+13125550101", { firstName: "Ada" });
  await db.order.create({
    data: { shopId, contactId: alan.id, shopifyOrderId: "1", name: "#9042", totalPrice: "10", currency: "USD", placedAt: ctx.clock.now() },
  });
  // Many shoppers of one area code: the term is common, and still finds them all, newest first.
  for (let i = 0; i < 520; i++) await thread(shopId, `+1415555${String(1000 + i)}`, {}, 10 + i);
});

describe("inbox search", () => {
  it("finds a shopper by a part of their name, in any case, only in the shop's own threads", async () => {
    expect(await phonesFound("ada")).toEqual(["+13125550101"]);
    expect(await phonesFound("HOPP")).toEqual(["+13125550102"]);
    expect(await phonesFound("ada", otherShopId)).toEqual(["+13125550101"]);
  });

  it("finds a phone however it is typed, and an order name with or without #", async () => {
    expect(await phonesFound("(312) 555-0102")).toEqual(["+13125550102"]);
    expect(await phonesFound("312555")).toEqual(["+13125550102", "+13125550101"]);
    expect(await phonesFound("#9042")).toEqual(["+17735550103"]);
    expect(await phonesFound("9042")).toEqual(["+17735550103"]);
    expect(await phonesFound("nobody")).toEqual([]);
  });

  it("pages through a term that matches more shoppers than the contact look-up takes", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listConversations>> = await listConversations(ctx, { shopId, tab: "all", search: "415555", after });
      seen.push(...page.rows.map((row) => row.phone));
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(520);
    expect(new Set(seen).size).toBe(520);
    expect(seen[0]).toBe("+14155551000");
    expect(seen.at(-1)).toBe("+14155551519");
  });
});
