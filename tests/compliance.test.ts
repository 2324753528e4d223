import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { uniquePhone } from "./support/sandbox-client";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";
import { createShop } from "./support/factories";
import { VirtualClock } from "~/clock.server";
import type { Shop } from "../prisma/generated/sqlite/index.js";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
const SETTINGS = ["quietHoursStart", "quietHoursEnd", "marketingCapPerDay", "marketingCapPerWeek", "helpText", "consentDisclosure", "consentDisclosureVersion"] as const;
let before: Pick<Shop, (typeof SETTINGS)[number]>;

// Other test files text the demo shop within its settings: put them back as they were.
beforeAll(async () => {
  const shop = await demoShop();
  before = Object.fromEntries(SETTINGS.map((key) => [key, shop[key]])) as typeof before;
});
afterAll(() => db.shop.update({ where: { domain: SANDBOX_SHOP }, data: before }));

function saveCompliance(fields: Record<string, string>) {
  return fetch(`${app.url}/app/compliance?_data=routes%2Fapp.compliance`, {
    method: "POST",
    headers: { "User-Agent": BROWSER_USER_AGENT },
    body: new URLSearchParams(fields),
  });
}

const get = (path: string) => fetch(`${app.url}${path}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });

const valid = {
  quietHoursStart: "9",
  quietHoursEnd: "20",
  marketingCapPerDay: "2",
  marketingCapPerWeek: "5",
  helpText: "Demo Store: order help at help@demo.example. Msg & data rates may apply. Reply STOP to opt out.",
  consentDisclosure: `Text me offers from Demo Store (${Date.now()}). Up to 5 msgs/week. Msg & data rates may apply. Reply STOP to opt out.`,
};

describe("compliance settings", () => {
  it("refuses a window wider than 08:00–21:00, impossible limits and a HELP reply without STOP, field by field", async () => {
    const response = await saveCompliance({ ...valid, quietHoursStart: "7", quietHoursEnd: "22", marketingCapPerDay: "0", helpText: "Call us!" });
    expect(response.status).toBe(400);
    const { fieldErrors } = await response.json();
    expect(Object.keys(fieldErrors).sort()).toEqual(["helpText", "marketingCapPerDay", "quietHoursEnd", "quietHoursStart"]);
    expect(fieldErrors.quietHoursStart).toMatch(/before 08:00/);
    expect(fieldErrors.quietHoursEnd).toMatch(/by 21:00/);
    const crossed = await (await saveCompliance({ ...valid, quietHoursStart: "15", quietHoursEnd: "10", marketingCapPerDay: "4", marketingCapPerWeek: "3.5" })).json();
    expect(crossed.fieldErrors).toMatchObject({ quietHoursEnd: expect.stringMatching(/after the start/), marketingCapPerWeek: expect.stringMatching(/whole number/) });
    const lowWeek = await (await saveCompliance({ ...valid, marketingCapPerDay: "4", marketingCapPerWeek: "3" })).json();
    expect(Object.keys(lowWeek.fieldErrors)).toEqual(["marketingCapPerWeek"]);
    const shop = await demoShop();
    expect(Object.fromEntries(SETTINGS.map((key) => [key, shop[key]]))).toEqual(before);
  });

  it("stores valid settings, and gives a changed disclosure a new version", async () => {
    expect((await saveCompliance(valid)).status).toBe(200);
    const saved = await demoShop();
    expect(saved).toMatchObject({
      quietHoursStart: Number(valid.quietHoursStart),
      quietHoursEnd: Number(valid.quietHoursEnd),
      marketingCapPerDay: Number(valid.marketingCapPerDay),
      marketingCapPerWeek: Number(valid.marketingCapPerWeek),
      helpText: valid.helpText,
      consentDisclosure: valid.consentDisclosure,
      consentDisclosureVersion: before.consentDisclosureVersion + 1,
    });
    // The same wording again is the same version; the page says which one is shown.
    await saveCompliance({ ...valid, marketingCapPerWeek: "6" });
    expect((await demoShop()).consentDisclosureVersion).toBe(saved.consentDisclosureVersion);
    expect(await (await get("/app/compliance")).text()).toContain(`Version ${saved.consentDisclosureVersion}.`);
  });
});

describe("the consent log export", () => {
  const phone = uniquePhone("929");
  const digits = phone.slice(2);
  const quoted = 'Yes, text me "deals"';
  const formula = '=HYPERLINK("http://evil.example","Click")';
  const seeded = [
    { granted: true, source: "checkout", text: quoted, occurredAt: new Date("2026-01-05T10:00:00.000Z") },
    { granted: false, source: "keyword", text: formula, occurredAt: new Date("2026-01-06T10:00:00.000Z") },
  ];

  beforeAll(async () => {
    const shop = await demoShop();
    await db.consentEvent.createMany({ data: seeded.map((event) => ({ ...event, shopId: shop.id, phone, scope: "marketing" })) });
    // The same phone at another shop: never part of this shop's log.
    const other = await createShop({ db, clock: new VirtualClock(new Date()) });
    await db.consentEvent.create({ data: { ...seeded[0], text: "another shop's consent", shopId: other.id, phone, scope: "marketing" } });
  });
  afterAll(() => db.consentEvent.deleteMany({ where: { phone } }));

  it("downloads the filtered log as a CSV attachment, quoted and safe to open in a spreadsheet", async () => {
    const response = await get(`/app/compliance/export.csv?phone=${digits}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("phone,scope,status,source,text,time");
    // Newest first; the phone's leading + is a formula character too.
    expect(lines.slice(1)).toEqual([
      `'${phone},marketing,revoked,keyword,"'${formula.replace(/"/g, '""')}",${seeded[1].occurredAt.toISOString()}`,
      `'${phone},marketing,granted,checkout,"${quoted.replace(/"/g, '""')}",${seeded[0].occurredAt.toISOString()}`,
      "",
    ]);
  });

  it("exports only what the filters show", async () => {
    const granted = await (await get(`/app/compliance/export.csv?phone=${digits}&status=granted`)).text();
    expect(granted.trim().split("\r\n")).toHaveLength(2);
    expect(granted).toContain(",granted,checkout,");
    const page = await (await get(`/app/compliance?phone=${digits}&source=keyword`)).text();
    expect(page).toContain(phone);
    expect(page).not.toContain("deals");
    expect(page).not.toContain("another shop&#x27;s consent");
    expect(page).not.toContain("another shop's consent");
  });
});
