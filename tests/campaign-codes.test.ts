// A campaign with a discount, through the public API in the sandbox: one Shopify discount in the
// Admin double, a unique single-use code per treated recipient added to it in bulk, each text
// carrying its recipient's own code, nothing for the holdout, and nothing made twice.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { publicApi } from "./support/public-api";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, shopifyFixture } from "./support/shopify-webhooks";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const { api, subscribe, segmentOf, draftCampaign, launch } = publicApi(() => app.url);
const MARK = `codes-${process.pid}-${Date.now()}`;
const DAY_MS = 86_400_000;

interface SandboxDiscount {
  id: string;
  code: string;
  codes: string[];
  bulkAdds: number[];
  percentage: number;
  usageLimit: number;
  appliesOncePerCustomer: boolean;
}
const discountsHolding = async (codes: string[]): Promise<SandboxDiscount[]> => {
  const { discounts } = (await (await fetch(`${app.url}/sandbox/discounts`)).json()) as { discounts: SandboxDiscount[] };
  return discounts.filter((d) => d.codes.some((code) => codes.includes(code)));
};

let day: string;
beforeAll(async () => {
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  day = new Date(now.getTime() + 2 * DAY_MS).toISOString().slice(0, 10);
  // 10:00 in Chicago: inside sending hours for the 312 numbers used here.
  await sandbox.setClock(`${day}T15:00:00Z`);
});

describe("a campaign with a discount code per recipient", () => {
  it("texts each treated recipient their own code from one discount, the holdout none, and a relaunch makes nothing again", { timeout: 60_000 }, async () => {
    const tag = `${MARK}-sale`;
    // Arms come from a hash: with 16 at 50 %, an empty arm is a 1-in-30,000 chance.
    const phones = Array.from({ length: 16 }, () => uniquePhone("312"));
    await subscribe(phones, tag);
    const created = await draftCampaign({
      segmentId: await segmentOf(tag),
      variants: [{ body: "Spring sale SPR: {{discount_code}} takes 15% off" }],
      holdoutPercent: 50,
      discount: { percent: 15 },
      schedule: { type: "now" },
    });
    expect(created.discount).toEqual({ percent: 15 });
    expect(created.estimate.texts[0].preview).toContain("Spring sale SPR: TB-XXXXXXXXXX takes 15% off");
    expect((await launch(created.id)).status).toBe(200);
    await sandbox.advanceClock(0);

    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: created.id } });
    const contacts = new Map((await db.contact.findMany({ where: { id: { in: recipients.map((r) => r.contactId) } } })).map((c) => [c.id, c.phone]));
    const treated = recipients.filter((r) => r.arm !== "holdout");
    const holdout = recipients.filter((r) => r.arm === "holdout");
    expect(treated.length).toBeGreaterThan(1);
    expect(holdout.length).toBeGreaterThan(0);

    const codes = treated.map((r) => r.discountCode!);
    expect(codes.every((code) => /^TB-[A-Z2-9]{10}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(treated.length);
    for (const recipient of treated) {
      const texts = (await sandbox.textsTo(contacts.get(recipient.contactId)!)).filter((t) => t.text.includes("SPR"));
      expect(texts).toHaveLength(1);
      expect(texts[0]!.text).toContain(`Spring sale SPR: ${recipient.discountCode} takes 15% off`);
      expect(await db.discountCode.findFirst({ where: { code: recipient.discountCode! } })).toMatchObject({ percentage: 15, messageId: recipient.messageId, usedByOrderId: null });
    }
    for (const recipient of holdout) {
      expect(recipient.discountCode).toBeNull();
      expect((await sandbox.textsTo(contacts.get(recipient.contactId)!)).filter((t) => t.text.includes("SPR"))).toEqual([]);
    }

    const [discount, ...others] = await discountsHolding(codes);
    expect(others).toEqual([]);
    expect(discount).toMatchObject({ percentage: 0.15, usageLimit: 1, appliesOncePerCustomer: true, bulkAdds: [treated.length - 1] });
    expect([...discount!.codes].sort()).toEqual([...codes].sort());
    expect((await db.campaign.findUniqueOrThrow({ where: { id: created.id } })).discountShopifyId).toBe(discount!.id);

    expect((await launch(created.id)).status).toBe(200);
    await sandbox.advanceClock(1);
    expect(await discountsHolding(codes)).toEqual([discount]);
    expect((await db.campaignRecipient.findMany({ where: { campaignId: created.id, arm: { not: "holdout" } } })).map((r) => r.discountCode).sort()).toEqual([...codes].sort());

    // An order without a phone that uses a recipient's code is theirs, and counts for their arm.
    const order = shopifyFixture("orders-create")
      .replace('"id": 820982911946154508', `"id": ${Date.now() * 1000 + process.pid}`)
      .replace('"discount_codes": []', `"discount_codes": [{ "code": "${codes[0]!.toLowerCase()}", "amount": "1.50", "type": "percentage" }]`)
      .replace(/"(created_at|processed_at)": "[^"]+"/g, `"$1": "${day}T16:00:00Z"`);
    expect((await postShopifyWebhook(app.url, "orders/create", order)).status).toBe(200);
    const buyer = treated[0]!;
    expect(await db.discountCode.findFirst({ where: { code: codes[0]! } })).toMatchObject({ usedByOrderId: expect.any(String) });
    const report = (await api(`/campaigns/${created.id}`)).body;
    expect(report.arms.find((arm: { name: string }) => arm.name === buyer.arm)).toMatchObject({ orders: 1, revenue: JSON.parse(order).total_price });
    expect(report.arms.find((arm: { name: string }) => arm.name === "holdout")).toMatchObject({ orders: 0 });
  });

  it("adds the codes of a large audience 250 to a call, before the texts are due", { timeout: 60_000 }, async () => {
    const tag = `${MARK}-large`;
    const phones = Array.from({ length: 300 }, () => uniquePhone("312"));
    await subscribe(phones, tag);
    const created = await draftCampaign({
      segmentId: await segmentOf(tag),
      variants: [{ body: "Big sale BIG {{discount_code}}" }],
      discount: { percent: 20 },
      schedule: { type: "at", at: `${new Date(Date.parse(`${day}T15:00:00Z`) + 3 * DAY_MS).toISOString()}` },
    });
    expect((await launch(created.id)).status).toBe(200);
    await sandbox.advanceClock(0);

    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: created.id } });
    const codes = recipients.map((r) => r.discountCode!);
    expect(new Set(codes).size).toBe(300);
    const [discount, ...others] = await discountsHolding(codes);
    expect(others).toEqual([]);
    expect(discount!.bulkAdds).toEqual([249, 50]);
    expect(discount!.codes).toHaveLength(300);
    expect(await db.discountCode.count({ where: { code: { in: codes } } })).toBe(300);
    // Nothing of it is due yet; cancelled, it sends nothing when the clock gets there.
    expect((await api(`/campaigns/${created.id}/cancel`, "POST")).status).toBe(200);
  });

  it("names the field at fault", async () => {
    const segmentId = await segmentOf(`${MARK}-none`);
    const bad = async (input: Record<string, unknown>) => (await api("/campaigns", "POST", { name: "x", segmentId, variants: [{ body: "Hi {{discount_code}}" }], schedule: { type: "now" }, ...input })).body;
    expect(await bad({})).toMatchObject({ field: "variants[0].body" });
    expect(await bad({ discount: { percent: 0 } })).toMatchObject({ field: "discount.percent" });
    expect(await bad({ discount: { percent: 15.5 } })).toMatchObject({ field: "discount.percent" });
    expect(await bad({ discount: { percent: 15, code: "SALE" } })).toMatchObject({ field: "discount.code" });
    expect(await bad({ discount: { percent: 15 }, variants: [{ body: "Hi {{discount_code}}" }, { body: "No code here" }] })).toMatchObject({ field: "variants[1].body" });
  });
});
