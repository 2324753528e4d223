// The Subscribers page: importing a CSV from another SMS app through the page's action, with a
// report line by line, and exporting the filtered list.
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { uniquePhone } from "./support/sandbox-client";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { suppressPhone } from "~/compliance/suppression.server";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { saveSegment } from "~/marketing/segments.server";
import { SANDBOX_ENCRYPTION_KEY, SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
const ctx = { db, clock: new VirtualClock(new Date()) };
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } });
const get = (path: string) => fetch(`${app.url}${path}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });

async function importCsv(csv: string) {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "subscribers.csv");
  const response = await fetch(`${app.url}/app/subscribers?_data=routes%2Fapp.subscribers`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: form });
  return { status: response.status, report: await response.json() };
}

const DISCLOSURE = '"Yes, text me offers from Demo, up to 4 msgs/mo. Msg & data rates may apply. Reply STOP to opt out."';

describe("the CSV import", () => {
  it("checks every line, imports the good ones with csv_import consent and reports the rest line by line", async () => {
    const shop = await demoShop();
    const tag = `switched-${Date.now()}`;
    const [good, national, optedOut, suppressed, future] = [uniquePhone("212"), uniquePhone("312"), uniquePhone("213"), uniquePhone("808"), uniquePhone("415")];
    await recordConsentEvent(ctx, { shopId: shop.id, phone: optedOut, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    await suppressPhone(ctx, { shopId: shop.id, phone: suppressed, hashKey: suppressionHashKey(SANDBOX_ENCRYPTION_KEY), reason: "customers/redact after an opt-out" });
    const nationalForm = national.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");
    const csv = [
      "phone,consented_at,source,disclosure,first_name,tags",
      `${good},2025-02-03 10:00:00,Postscript popup,${DISCLOSURE},Ana,${tag};vip`,
      `"${nationalForm}",2025-02-04,Postscript keyword,https://demo.example/sms-terms,"Li, Wei",${tag}`,
      `not a phone,2025-02-04,Postscript,${DISCLOSURE},,${tag}`,
      `${optedOut},2025-02-04,Postscript,${DISCLOSURE},,${tag}`,
      `${suppressed},2025-02-04,Postscript,${DISCLOSURE},Gone,${tag}`,
      `${future},2999-01-01,Postscript,${DISCLOSURE},,${tag}`,
      `${good},2025-02-05,Postscript,,,${tag}`,
      `${good},2025-02-05,Postscript,${DISCLOSURE},,${tag}`,
    ].join("\r\n");
    const { status, report } = await importCsv(csv);
    expect(status).toBe(200);
    expect(report).toMatchObject({ ok: true, created: 2, updated: 0 });
    expect(report.refused).toEqual([
      expect.objectContaining({ line: 4, phone: "not a phone", column: "phone", reason: "invalid" }),
      expect.objectContaining({ line: 5, phone: optedOut, column: "phone", reason: "opted_out", error: expect.stringMatching(/opted out/) }),
      expect.objectContaining({ line: 6, phone: suppressed, column: "phone", reason: "suppressed" }),
      expect.objectContaining({ line: 7, phone: future, column: "consented_at", reason: "invalid", error: expect.stringMatching(/future/) }),
      expect.objectContaining({ line: 8, column: "disclosure", reason: "invalid" }),
      expect.objectContaining({ line: 9, column: "phone", reason: "duplicate" }),
    ]);

    const contacts = await db.contact.findMany({ where: { shopId: shop.id, phone: { in: [good, national, optedOut, suppressed] } }, include: { tags: true, consentEvents: true } });
    const byPhone = new Map(contacts.map((c) => [c.phone, c]));
    expect(byPhone.get(good)).toMatchObject({ marketingConsent: true, consentSource: "csv_import", firstName: "Ana" });
    expect(byPhone.get(national)).toMatchObject({ marketingConsent: true, firstName: "Li, Wei" });
    const [event] = byPhone.get(national)!.consentEvents;
    expect(event).toMatchObject({ source: "csv_import", text: "https://demo.example/sms-terms", occurredAt: new Date("2025-02-04T00:00:00Z") });
    expect(byPhone.get(optedOut)).toMatchObject({ marketingConsent: false, optedOutAt: expect.any(Date) });
    expect(byPhone.get(suppressed)).toMatchObject({ marketingConsent: false, suppressedAt: expect.any(Date), firstName: null });
    expect(byPhone.get(good)!.tags.map((t) => t.tag).sort()).toEqual([tag, "vip"].sort());
    expect(await db.message.count({ where: { shopId: shop.id, contact: { tags: { some: { tag } } } } })).toBe(0);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const { status, report } = await importCsv("phone,first_name\n+13125550142,Ana\n");
    expect(status).toBe(400);
    expect(report).toEqual({ ok: false, error: expect.stringMatching(/missing: consented_at, source, disclosure/) });
  });
});

describe("the list and its export", () => {
  it("filters by consent state, tag and search, and exports exactly the filtered list as CSV", async () => {
    const tag = `export-${Date.now()}`;
    const [subscribed, other] = [uniquePhone("646"), uniquePhone("646")];
    const { report } = await importCsv(
      ["phone,consented_at,source,disclosure,first_name,tags", `${subscribed},2025-03-01,Klaviyo,${DISCLOSURE},Zoë,${tag}`, `${other},2025-03-01,Klaviyo,${DISCLOSURE},Omar,${tag};=cmd()`].join("\n"),
    );
    expect(report.created).toBe(2);
    const page = await (await get(`/app/subscribers?tag=${tag}&q=Zo%C3%AB`)).text();
    expect(page).toContain(subscribed);
    expect(page).not.toContain(other);
    expect(await (await get(`/app/subscribers?tag=${tag}&consent=opted_out`)).text()).not.toContain(subscribed);

    const response = await get(`/app/subscribers/export.csv?tag=${tag}&consent=subscribed`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="subscribers-.+\.csv"$/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("phone,first_name,last_name,consent,consent_source,tags,country,state,orders_count,created_at");
    expect(lines.slice(1, -1)).toHaveLength(2);
    expect(lines.find((line) => line.includes(subscribed))).toMatch(new RegExp(`^'\\${subscribed},Zoë,,subscribed,csv_import,${tag},US,NY,0,\\d{4}-`));
    // A cell a spreadsheet would run as a formula is written as text.
    expect(lines.find((line) => line.includes(other))).toContain(`,Omar,,subscribed,csv_import,'=cmd();${tag},US,NY,`);
    // The export, imported again, reads the same numbers.
    const again = await importCsv(["phone,consented_at,source,disclosure", `${lines[1]!.split(",")[0]},2025-03-02,re-import,${DISCLOSURE}`].join("\n"));
    expect(again.report).toMatchObject({ ok: true, created: 0, updated: 1 });
  });

  it("filters by segment, showing and exporting only its members", async () => {
    const tag = `segment-${Date.now()}`;
    const [member, outside] = [uniquePhone("646"), uniquePhone("646")];
    await importCsv(["phone,consented_at,source,disclosure,tags", `${member},2025-03-01,Klaviyo,${DISCLOSURE},${tag}`, `${outside},2025-03-01,Klaviyo,${DISCLOSURE},`].join("\n"));
    const saved = await saveSegment(ctx, (await demoShop()).id, { name: `Tagged ${tag}`, rules: { field: "tag", op: "=", value: tag } });
    if (!saved.ok) throw new Error(saved.error);

    const page = await (await get(`/app/subscribers?segment=${saved.segment.id}`)).text();
    expect(page).toContain(member);
    expect(page).not.toContain(outside);
    const lines = (await (await get(`/app/subscribers/export.csv?segment=${saved.segment.id}`)).text()).split("\r\n").slice(1, -1);
    expect(lines.map((line) => line.split(",")[0])).toEqual([`'${member}`]);
  });
});
