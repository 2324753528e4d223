// Part of the fault suite: the admin refuses requests without a Shopify session, and a Telnyx
// API key never shows up in a log line or a page.
import { describe, expect, it } from "vitest";
import { useAppServer } from "../support/app-server";
import { BROWSER_USER_AGENT } from "../support/browser";
import { cancelLeftoverJobs, useTestDatabase } from "../support/database";
import { checkLogsAfterAll } from "./log-hygiene";
import { SANDBOX_SHOP } from "../support/shopify-webhooks";

const { db } = useTestDatabase();
checkLogsAfterAll(db);

const ADMIN_PAGES = ["/app", "/app/automation", "/app/flows/shipping", "/app/inbox", "/app/inbox/some-thread", "/app/flows", "/app/settings", "/app/compliance", "/app/compliance/export.csv", "/app/system"];
const ADMIN_ACTIONS = ["/app/compliance", "/app/automation", "/app/flows/shipping", "/app/inbox/some-thread", "/app/inbox/some-thread/reply", "/app/flows", "/app/settings", "/app/settings/test-message", "/app/settings/check-connection", "/app/system"];

// One app at a time: starting one migrates the database, which SQLite allows only unshared.
describe("admin routes without a Shopify session", () => {
  const production = useAppServer("production");
  it("refuse every page and every action", async () => {
    for (const path of ADMIN_PAGES) {
      const response = await fetch(`${production.url}${path}`, { redirect: "manual", headers: { "User-Agent": BROWSER_USER_AGENT } });
      expect([302, 401, 403], `GET ${path}`).toContain(response.status);
    }
    for (const path of ADMIN_ACTIONS) {
      const response = await fetch(`${production.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "User-Agent": BROWSER_USER_AGENT },
        body: new URLSearchParams({ body: "hello", intent: "close", phone: "+13125550100" }),
      });
      expect([302, 401, 403], `POST ${path}`).toContain(response.status);
    }
    const forged = await fetch(`${production.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT, Authorization: "Bearer not.a.token" } });
    expect([302, 401, 403]).toContain(forged.status);
  });

  it("refuse the checkout extension's post without a checkout session token", async () => {
    const response = await fetch(`${production.url}/api/checkout-consent`, { method: "POST", headers: { "Content-Type": "application/json", "User-Agent": BROWSER_USER_AGENT }, body: "{}" });
    expect(response.status).toBe(401);
  });
});

describe("a Telnyx API key", () => {
  const sandbox = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
  it("never appears in any log line or page, even when Telnyx refuses it", async () => {
    const canary = "KEY01CANARY9F3A7B2C4D6E8_DO_NOT_LEAK";
    // Earlier files' texts left queued on the demo long code (1/s) would hold the clock call.
    await cancelLeftoverJobs(db);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${sandbox.url}${path}`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams(fields) });
    try {
      const saved = await post("/app/settings", { apiKey: canary, messagingProfileId: shop.telnyxMessagingProfileId!, sendingNumber: shop.sendingNumber!, sendingNumberType: "long_code" });
      expect(saved.status).toBe(200);
      // Telnyx refuses the key: the check and a test message both fail and are logged.
      expect(await (await post("/app/settings/check-connection", {})).json()).toMatchObject({ ok: false, problem: "bad_key" });
      expect((await post("/app/settings?_data=routes%2Fapp.settings", { intent: "testNumbers", testNumbers: "+13125550199" })).status).toBe(200);
      // Noon in Chicago on a later day, so the test text really goes to Telnyx (and is refused)
      // rather than waiting for 08:00.
      const clock = (body: unknown) => fetch(`${sandbox.url}/sandbox/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const noon = new Date((await (await clock({ advanceMinutes: 0 })).json()).now);
      noon.setUTCDate(noon.getUTCDate() + 1);
      noon.setUTCHours(18, 0, 0, 0);
      await clock({ setTo: noon.toISOString() });
      const sent = await (await post("/app/settings/test-message", { phone: "+13125550199" })).json();
      await clock({ advanceMinutes: 0 });
      const test = await db.message.findUniqueOrThrow({ where: { id: sent.message.id } });
      expect({ status: test.status, errorCode: test.errorCode }).toEqual({ status: "failed", errorCode: "10009" });

      const pages = await Promise.all(["/app", "/app/settings", "/app/inbox", "/app/flows"].map(async (path) => (await fetch(`${sandbox.url}${path}`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text()));
      expect(pages.join("\n")).not.toContain(canary);
      expect(sandbox.output()).not.toContain(canary);
      expect(sandbox.output()).not.toContain(canary.slice(0, 20));
      const stored = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
      expect(stored.telnyxApiKeyEncrypted).not.toContain(canary);
      const rows = JSON.stringify(await db.message.findMany({ where: { shopId: shop.id } })) + JSON.stringify(await db.job.findMany({ where: { shopId: shop.id } }));
      expect(rows).not.toContain(canary);
    } finally {
      await db.shop.update({ where: { id: shop.id }, data: { telnyxApiKeyEncrypted: shop.telnyxApiKeyEncrypted, settings: shop.settings } });
    }
  });
});
