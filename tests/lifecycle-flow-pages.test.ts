// The lifecycle flows' admin pages: the demo shop has every flow on with its default texts; a
// flow's settings are saved whole, refused field by field with nothing stored, and the win-back
// page queues the day's scan when the flow is saved.
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { useFlowSettings } from "./support/flow-settings";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";
import { LIFECYCLE_PAGES } from "~/flows/lifecycle-flow-pages.server";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
// Puts the demo shop's settings back after the file (the pages below change them).
const flows = useFlowSettings(db);

const PAGES = { welcome: "welcome", cross_sell: "cross-sell", win_back: "win-back", sign_up: "sign-up" } as const;
const route = (page: keyof typeof PAGES) => `/app/flows/${PAGES[page]}?_data=${encodeURIComponent(`routes/app.flows_.${PAGES[page]}`)}`;
const load = async (page: keyof typeof PAGES) => (await fetch(`${app.url}${route(page)}`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).json();
const save = (page: keyof typeof PAGES, settings: unknown) =>
  fetch(`${app.url}${route(page)}`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams({ settings: JSON.stringify(settings) }) });
const storedSettings = async () => JSON.parse((await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).settings);

describe("lifecycle flow pages", () => {
  it("the demo shop has every lifecycle flow and the sign-up form on, with the default texts", async () => {
    for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      const { settings } = await load(page);
      expect(settings).toEqual(LIFECYCLE_PAGES[page].schema.parse({ enabled: true }));
    }
  });

  it("saves a flow's settings whole, and refuses a bad field by its path, storing nothing", async () => {
    await flows.set("welcome", { enabled: true });
    const { settings } = await load("welcome");
    const refused = await save("welcome", { ...settings, holdoutPercent: 80, choices: [settings.choices[0], { ...settings.choices[1], tag: "Has Spaces" }] });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors).toEqual({ holdoutPercent: "At most 50 %", "choices.1.tag": "Lower-case letters, digits, - and _" });
    expect((await storedSettings()).welcome).toEqual({ enabled: true });

    const saved = await save("welcome", { ...settings, holdoutPercent: 10, offerAfterDays: 5 });
    expect(saved.status).toBe(200);
    expect((await storedSettings()).welcome).toEqual({ ...settings, holdoutPercent: 10, offerAfterDays: 5 });
    expect((await load("welcome")).settings).toMatchObject({ holdoutPercent: 10, offerAfterDays: 5 });
    expect((await save("welcome", "not an object")).status).toBe(400);
  });

  it("shows each flow's results, with no incremental revenue until it has a holdout", async () => {
    const { stats } = await load("cross_sell");
    expect(stats).toMatchObject({ entered: expect.any(Number), heldOut: expect.any(Number), sent: expect.any(Number), incrementalRevenue: stats.heldOut > 0 && stats.entered > 0 ? expect.anything() : null });
    const { pairs } = await load("cross_sell");
    // The demo shop's guest orders pair the daypack with the socks, in 4 orders.
    const pairTitles = pairs.map((p: { productA: { title: string }; productB: { title: string }; orders: number }) => ({ titles: [p.productA.title, p.productB.title].sort(), orders: p.orders }));
    expect(pairTitles).toContainEqual({ titles: ["Merino Crew Socks", "Waxed Canvas Daypack"], orders: 4 });
  });

  it("saving win-back queues the day's scan once", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const { settings } = await load("win_back");
    await db.job.updateMany({ where: { shopId: shop.id, kind: "win-back-scan", status: "queued" }, data: { status: "cancelled", cancelReason: "test" } });
    await db.job.updateMany({ where: { shopId: shop.id, kind: "win-back-scan" }, data: { dedupeKey: null } });
    expect((await save("win_back", { ...settings, afterDays: 120 })).status).toBe(200);
    expect((await save("win_back", { ...settings, afterDays: 120 })).status).toBe(200);
    expect(await db.job.count({ where: { shopId: shop.id, kind: "win-back-scan", status: "queued" } })).toBe(1);
    expect((await save("win_back", { ...settings, afterDays: 10 })).status).toBe(400);
  });
});
