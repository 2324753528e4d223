// Importing the demo shop's Shopify history from the Subscribers page: a bulk operation the Admin
// double answers, polled by the job queue as the sandbox clock moves, its JSONL downloaded and
// applied to contacts and the consent ledger.
import { describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { sandboxClient } from "./support/sandbox-client";
import { SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const PAGE = () => `${app.url}/app/subscribers?_data=routes%2Fapp.subscribers`;

const ELENA = "+13125550171"; // subscribed, single opt-in, 3 orders
const OMAR = "+16465550172"; // subscribed, confirmed opt-in elsewhere, 1 order
const GRACE = "+15035550173"; // subscribed in Shopify, but texted STOP here first
const LUIS = "+13055550174"; // never subscribed, 2 orders
const HANA = "+12065550175"; // unsubscribed in Shopify
const PHONES = [ELENA, OMAR, GRACE, LUIS, HANA];

async function importFromShopify() {
  const response = await fetch(PAGE(), { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams({ intent: "import-shopify-history" }) });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true, status: "running" });
  await sandbox.advanceClock(1);
  const page = await (await fetch(PAGE(), { headers: { "User-Agent": BROWSER_USER_AGENT } })).json();
  return page.historyImport;
}

const contacts = async () => {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } });
  const rows = await db.contact.findMany({ where: { shopId: shop.id, phone: { in: PHONES } }, include: { tags: true, consentEvents: { orderBy: { occurredAt: "asc" } } } });
  return new Map(rows.map((c) => [c.phone, c]));
};

describe("importing the shop's Shopify history", () => {
  it("makes contacts with their order figures and tags, records Shopify's subscribers as shopify_import with evidence, and leaves an opted-out number opted out", async () => {
    await sandbox.setClock("2030-01-07T15:00:00Z");
    expect(await sandbox.textFromShopper(GRACE, "STOP")).toBe(200);

    const last = await importFromShopify();
    expect(last).toMatchObject({ status: "completed", error: null, counts: { customers: 6, withoutPhone: 1, subscribed: 3, consentRecorded: 2, consentAlreadyImported: 0, refused: { opted_out: 1 } } });

    const byPhone = await contacts();
    const elena = byPhone.get(ELENA)!;
    expect(elena).toMatchObject({ firstName: "Elena", lastName: "Marsh", email: "elena@textback-demo.example", shopifyCustomerId: "7301", ordersCount: 3, marketingConsent: true, consentSource: "shopify_import" });
    expect(Number(elena.totalSpent)).toBe(254.5);
    expect(elena.firstOrderAt).toEqual(new Date("2025-03-14T09:25:00Z"));
    expect(elena.lastOrderAt).toEqual(new Date("2025-10-20T12:00:00Z"));
    expect(elena.tags.map((t) => t.tag).sort()).toEqual(["newsletter", "vip"]);
    expect(elena.consentEvents).toEqual([expect.objectContaining({ source: "shopify_import", scope: "marketing", granted: true, occurredAt: new Date("2025-03-14T09:30:00Z") })]);
    expect(JSON.parse(elena.consentEvents[0]!.evidence!)).toMatchObject({ shopifyCustomerId: "7301", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: "2025-03-14T09:30:00.000Z", consentCollectedFrom: "SHOPIFY" });
    expect(JSON.parse(byPhone.get(OMAR)!.consentEvents[0]!.evidence!)).toMatchObject({ marketingOptInLevel: "CONFIRMED_OPT_IN", consentCollectedFrom: "OTHER" });

    expect(byPhone.get(GRACE)).toMatchObject({ marketingConsent: false, optedOutAt: expect.any(Date) });
    expect(byPhone.get(GRACE)!.consentEvents.map((e) => e.source)).not.toContain("shopify_import");
    expect(byPhone.get(LUIS)).toMatchObject({ ordersCount: 2, marketingConsent: false, consentEvents: [] });
    expect(byPhone.get(HANA)).toMatchObject({ ordersCount: 1, marketingConsent: false, consentEvents: [] });

    // Again on demand: figures updated in place, no second ledger entry for the same consent.
    const again = await importFromShopify();
    expect(again).toMatchObject({ status: "completed", counts: { contactsCreated: 0, consentRecorded: 0, consentAlreadyImported: 2, refused: { opted_out: 1 } } });
    const after = await contacts();
    expect(after.size).toBe(5);
    expect(after.get(ELENA)!.consentEvents).toHaveLength(1);
    expect(after.get(OMAR)!.consentEvents).toHaveLength(1);
    expect(after.get(GRACE)).toMatchObject({ marketingConsent: false, optedOutAt: expect.any(Date) });
    expect(await sandbox.textsTo(ELENA)).toEqual([]);
  });
});
