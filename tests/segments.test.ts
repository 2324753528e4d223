// Segments through the Segments page's action, on the demo shop: what the rules match, counted
// live, with the contacts who cannot be texted marketing left out and counted by reason; and the
// contact facts segments read, kept current by signed webhooks and texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { createApiKey } from "~/marketing/api-keys.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { createShop } from "./support/factories";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const MARK = `seg-${process.pid}-${Date.now()}`;
const DAY_MS = 86_400_000;
let shopId: string;
let now: Date;

const page = (fields: Record<string, string>) => sandbox.adminPost("/app/segments?_data=routes%2Fapp.segments", fields);
const count = (rules: unknown) => page({ intent: "count", rules: JSON.stringify({ all: [{ field: "tag", op: "=", value: MARK }, rules] }) });

async function contact(fields: Record<string, unknown>) {
  const created = await db.contact.create({ data: { shopId, phone: uniquePhone(), marketingConsent: true, consentSource: "checkout", ...fields } });
  await db.contactTag.create({ data: { shopId, contactId: created.id, tag: MARK } });
  return created;
}

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  now = new Date((await sandbox.advanceClock(0)).body.now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  await contact({ ordersCount: 3, totalSpent: 120, lastOrderAt: daysAgo(10), countryCode: "US", provinceCode: "NY" });
  await contact({ ordersCount: 1, totalSpent: 600, lastOrderAt: daysAgo(95), countryCode: "GB" });
  await contact({ ordersCount: 2, totalSpent: 80, lastOrderAt: daysAgo(90.5), countryCode: "US", provinceCode: "CA" });
  await contact({ ordersCount: 0 });
  await contact({ ordersCount: 4, totalSpent: 200, marketingConsent: false, optedOutAt: now });
  await contact({ ordersCount: 3, totalSpent: 90, marketingConsent: false });
  await contact({ ordersCount: 5, totalSpent: 900, suppressedAt: now });
});
afterAll(() => db.contact.deleteMany({ where: { shopId, tags: { some: { tag: MARK } } } }));

describe("the live count", () => {
  it("counts the VIPs who can be texted and says how many it left out, and why", async () => {
    const { status, body } = await count({ any: [{ field: "orders_count", op: ">=", value: 3 }, { field: "total_spent", op: ">=", value: 500 }] });
    expect(status).toBe(200);
    expect(body.size).toEqual({ size: 2, leftOut: { suppressed: 1, optedOut: 1, noConsent: 1 } });
  });

  it("counts days since an event in whole days, and never counts a contact who has no such event", async () => {
    const days = (op: string, value: unknown) => count({ field: "last_order_days_ago", op, value }).then((r) => r.body.size.size);
    expect(await days(">=", 90)).toBe(2);
    expect(await days("=", 90)).toBe(1);
    expect(await days("<", 90)).toBe(1);
    expect(await days("!=", 95)).toBe(2);
    expect(await days("in", [10, 95])).toBe(2);
  });

  it("matches text fields without regard to case, and tags by any of a list", async () => {
    const size = (rules: unknown) => count(rules).then((r) => r.body.size.size);
    expect(await size({ field: "country", op: "=", value: "us" })).toBe(2);
    expect(await size({ all: [{ field: "country", op: "=", value: "US" }, { field: "state", op: "in", value: ["ny", "NJ"] }] })).toBe(1);
    expect(await size({ field: "country", op: "!=", value: "US" })).toBe(1);
    expect(await size({ field: "consent_source", op: "=", value: "checkout" })).toBe(4);
  });

  it("refuses rules that cannot mean anything, naming the problem", async () => {
    const ordering = await count({ field: "country", op: "<", value: "US" });
    expect(ordering.status).toBe(400);
    expect(ordering.body.error).toBe("< does not apply to country; use =, != or in");
    const unknownField = await count({ field: "favourite_colour", op: "=", value: "red" });
    expect(unknownField.status).toBe(400);
    expect((await count({ field: "orders_count", op: "in", value: 3 })).body.error).toBe("in takes a list");
  });
});

describe("saved segments", () => {
  it("saves one under a unique name, lists it with its size beside the ready-made playbook segments, and removes it", async () => {
    const rules = JSON.stringify({ all: [{ field: "tag", op: "=", value: MARK }, { field: "orders_count", op: ">=", value: 2 }] });
    const saved = await page({ intent: "save", name: `Repeat ${MARK}`, rules });
    expect(saved.status).toBe(200);
    expect((await page({ intent: "save", name: `Repeat ${MARK}`, rules })).body.fieldErrors).toEqual({ name: "Another segment has this name" });

    const listed = await fetch(`${app.url}/app/segments?_data=routes%2Fapp.segments`, { headers: { "User-Agent": "Mozilla/5.0" } }).then((r) => r.json());
    const mine = listed.segments.find((s: { id: string }) => s.id === saved.body.saved.id);
    expect(mine).toMatchObject({ size: 2, readyMade: false, leftOut: { suppressed: 1, optedOut: 1, noConsent: 1 } });
    expect(listed.segments.filter((s: { readyMade: boolean }) => s.readyMade).map((s: { name: string }) => s.name)).toEqual([
      "New customers (first order in the last 30 days)",
      "Repeat buyers (2+ orders)",
      "VIPs (3+ orders or $500+ spent)",
      "Cart abandoners (last 7 days)",
      "Win-back (no order in 90 days)",
    ]);
    expect((await page({ intent: "remove", id: saved.body.saved.id })).status).toBe(200);
    expect(await db.segment.findUnique({ where: { id: saved.body.saved.id } })).toBeNull();
  });
});

describe("the segments API", () => {
  const api = async (path: string, { method = "GET", body, key = "tb_sandbox_demo" }: { method?: string; body?: unknown; key?: string } = {}) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body !== undefined && { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  it("saves a segment and answers its size; reads it back sized now; another shop's key finds nothing", async () => {
    const rules = { all: [{ field: "tag", op: "=", value: MARK }, { field: "country", op: "in", value: ["us", "gb"] }] };
    const created = await api("/segments", { method: "POST", body: { name: `API ${MARK}`, rules } });
    expect(created).toEqual({ status: 201, body: { id: expect.any(String), size: 3 } });

    const read = await api(`/segments/${created.body.id}`);
    expect(read.body).toEqual({ id: created.body.id, name: `API ${MARK}`, rules, readyMade: false, size: 3, leftOut: { suppressed: 0, optedOut: 0, noConsent: 0 } });

    const other = await createShop({ db, clock: new VirtualClock(new Date()) });
    const { key } = await createApiKey({ db, clock: new VirtualClock(new Date()) }, other.id, "another shop");
    expect((await api(`/segments/${created.body.id}`, { key })).status).toBe(404);
    await db.shop.delete({ where: { id: other.id } });
  });

  it("refuses rules it cannot read, naming the field", async () => {
    const refused = await api("/segments", { method: "POST", body: { name: `Bad ${MARK}`, rules: { any: [{ field: "state", op: ">", value: "NY" }] } } });
    expect(refused).toEqual({ status: 400, body: { error: "> does not apply to state; use =, != or in", field: "rules.any.0.value" } });
  });
});

describe("what segments read, kept current", () => {
  it("each stored order adds to the shopper's count and spend and moves their first and last order dates", async () => {
    const phone = uniquePhone();
    const order = (id: number, name: string, createdAt: string) =>
      shopifyFixture("orders-create")
        .replace('"id": 820982911946154508', `"id": ${id}`)
        .replace('"name": "#9999"', `"name": "${name}"`)
        .replace('"phone": null', `"phone": "${phone}"`)
        .replace(/"created_at": "[^"]+"/, `"created_at": "${createdAt}"`)
        .replace(/"processed_at": "[^"]+"/, `"processed_at": "${createdAt}"`);
    const first = Date.now() * 1000 + process.pid;
    expect((await postShopifyWebhook(app.url, "orders/create", order(first, "#7001", "2026-05-02T10:00:00-04:00"))).status).toBe(200);
    expect((await postShopifyWebhook(app.url, "orders/create", order(first + 1, "#7002", "2026-04-01T10:00:00-04:00"))).status).toBe(200);
    const orders = await db.order.findMany({ where: { shopId, phone } });
    const total = orders.reduce((sum, o) => sum + Number(o.totalPrice), 0);
    const shopper = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
    expect({ ...shopper, totalSpent: Number(shopper.totalSpent) }).toMatchObject({
      ordersCount: 2,
      totalSpent: total,
      firstOrderAt: new Date("2026-04-01T14:00:00Z"),
      lastOrderAt: new Date("2026-05-02T14:00:00Z"),
      countryCode: "US",
    });
  });

  it("a shopper's text marks when they last replied", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "hello there");
    const shopper = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
    const inbound = await db.message.findFirstOrThrow({ where: { contactId: shopper.id, direction: "inbound" } });
    expect(shopper.lastRepliedAt).toEqual(inbound.occurredAt);
  });
});
