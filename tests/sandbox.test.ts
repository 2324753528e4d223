import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";

const app = useAppServer("sandbox");
const { db } = useTestDatabase();

function postJson(path: string, body: unknown) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("the sandbox", () => {
  it("serves the admin dashboard at /app as a Polaris page, even to curl", async () => {
    const response = await fetch(`${app.url}/app`, { headers: { "User-Agent": "curl/8.5.0" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Polaris-Page");
    expect(html).toContain("Textback Demo Store");
    expect(html).toContain("/sandbox/app-bridge.js");
  });

  it("moves the virtual clock forward on request, never back", async () => {
    const before = (await (await fetch(`${app.url}/sandbox/clock`)).json()).now as string;
    const advanced = await postJson("/sandbox/clock", { advanceMinutes: 90 });
    expect(advanced.status).toBe(200);
    const { now } = await advanced.json();
    expect(new Date(now).getTime() - new Date(before).getTime()).toBe(90 * 60_000);

    const target = new Date(new Date(now).getTime() + 24 * 3_600_000).toISOString();
    expect(await (await postJson("/sandbox/clock", { setTo: target })).json()).toEqual({ now: target });

    const backwards = await postJson("/sandbox/clock", { setTo: before });
    expect(backwards.status).toBe(400);
    expect((await (await fetch(`${app.url}/sandbox/clock`)).json()).now).toBe(target);
  });

  it("answers malformed control requests with 400 and a reason", async () => {
    for (const body of ["{nope", { advanceMinutes: -5 }, { setTo: "yesterday" }, { advanceMinutes: 1, setTo: "2030-01-01T00:00:00Z" }]) {
      const response = await postJson("/sandbox/clock", body);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBeTruthy();
    }
    expect((await postJson("/sandbox/inbound", { from: "5551234", text: "hi" })).status).toBe(400);
  });

  it("delivers a shopper's text as a signed Telnyx webhook the app accepts", async () => {
    const response = await postJson("/sandbox/inbound", { from: "+15551234567", text: "Is my order on its way?" });
    const answer = await response.json();
    expect(answer).toEqual({ status: 200, eventId: expect.any(String) });
    const events = await db.webhookEvent.findMany({ where: { source: "telnyx", topic: "message.received", externalId: answer.eventId } });
    const payloads = events.map((event) => JSON.parse(event.payload).data.payload);
    expect(payloads).toContainEqual(
      expect.objectContaining({
        text: "Is my order on its way?",
        from: expect.objectContaining({ phone_number: "+15551234567" }),
        to: [expect.objectContaining({ phone_number: "+13125550100" })],
      }),
    );
  });

  it("lists texts and discounts in the documented shapes", async () => {
    const messages = await (await fetch(`${app.url}/sandbox/messages?to=%2B15551234567`)).json();
    expect(messages).toEqual({ messages: expect.any(Array) });
    const discounts = await (await fetch(`${app.url}/sandbox/discounts`)).json();
    expect(discounts).toEqual({ discounts: expect.any(Array) });
  });

  it("installs the demo shop with its Telnyx key encrypted", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: "textback-demo.myshopify.com" } });
    expect(shop.sendingNumber).toBe("+13125550100");
    expect(shop.telnyxApiKeyEncrypted).toMatch(/^v1\./);
    expect(shop.telnyxApiKeyEncrypted).not.toContain("KEY_TEXTBACK_SANDBOX");
  });
});

describe("outside the sandbox", () => {
  const production = useAppServer("production");

  it("has no control API", async () => {
    for (const path of ["/sandbox/messages", "/sandbox/clock", "/sandbox/discounts", "/sandbox/app-bridge.js"]) {
      expect((await fetch(`${production.url}${path}`)).status).toBe(404);
    }
    const inbound = await fetch(`${production.url}/sandbox/inbound`, { method: "POST", body: "{}" });
    expect(inbound.status).toBe(404);
  });

  it("does not open the admin without a Shopify session", async () => {
    const response = await fetch(`${production.url}/app`, {
      redirect: "manual",
      headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" },
    });
    expect(response.status).not.toBe(200);
  });

  it("the sandbox refuses to start with NODE_ENV=production", () => {
    const run = spawnSync("npx", ["tsx", "app/sandbox/main.ts"], {
      env: { ...process.env, NODE_ENV: "production", PORT: "1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/refuses to start with NODE_ENV=production/);
  });
});
