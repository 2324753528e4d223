// The public REST API (/api/v1) as a merchant's script meets it: bearer keys made on the key
// page (and the sandbox's fixed one), JSON errors, the per-key rate limit, subscribers added
// with their consent evidence, and an OpenAPI document that matches what is served.
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { createShop } from "./support/factories";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { suppressPhone } from "~/compliance/suppression.server";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { createApiKey } from "~/marketing/api-keys.server";
import { SANDBOX_ENCRYPTION_KEY, SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
const ctx = { db, clock: new VirtualClock(new Date()) };
const sandbox = sandboxClient(() => app.url);
const SANDBOX_KEY = "tb_sandbox_demo";
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } });

interface Call {
  method?: string;
  key?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

function send(path: string, { method = "GET", key = SANDBOX_KEY, body, raw, headers = {} }: Call = {}) {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  return fetch(`${app.url}/api/v1${path}`, {
    method,
    headers: { ...(key && { Authorization: `Bearer ${key}` }), ...(payload !== undefined && { "Content-Type": "application/json" }), ...headers },
    body: payload,
  });
}

// Tests other than the rate limit's wait out a 429 as a well-behaved client would.
async function api(path: string, call: Call = {}): Promise<{ status: number; body: any; headers: Headers }> {
  for (;;) {
    const response = await send(path, call);
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000));
      continue;
    }
    return { status: response.status, body: await response.json(), headers: response.headers };
  }
}

const keyPage = (fields: Record<string, string>) =>
  fetch(`${app.url}/app/settings/api-keys?_data=routes%2Fapp.settings_.api-keys`, {
    method: "POST",
    headers: { "User-Agent": BROWSER_USER_AGENT },
    body: new URLSearchParams(fields),
  });

async function newKey(name = `test ${Date.now()}`): Promise<string> {
  const response = await keyPage({ name });
  expect(response.status).toBe(200);
  return (await response.json()).key;
}

const consent = { consentedAt: "2025-06-01T15:30:00Z", source: "Attentive popup on example.com", disclosure: "Yes, text me offers from Demo. Up to 6 msgs/mo. Msg & data rates may apply. Reply STOP to opt out." };
const subscriber = (phone: string, extra: Record<string, unknown> = {}) => ({ phone, consent, ...extra });

describe("keys", () => {
  it("refuses a request without a key, with an unknown key, and with a revoked one, as JSON 401s", async () => {
    const missing = await api("/subscribers", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatch(/Authorization: Bearer/);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await api("/subscribers", { key: "tb_0123456789abcdefghijklmnopqrstuv" })).status).toBe(401);
    expect((await api("/subscribers", { key: "not a key at all" })).status).toBe(401);

    const key = await newKey("to revoke");
    expect((await api("/subscribers", { key })).status).toBe(200);
    const stored = await db.apiKey.findFirstOrThrow({ where: { name: "to revoke", revokedAt: null }, orderBy: { createdAt: "desc" } });
    expect(stored.keyHash).not.toContain(key.slice(3));
    expect(stored.prefix).toBe(key.slice(0, 7));
    expect(stored.lastUsedAt).not.toBeNull();
    expect((await keyPage({ intent: "revoke", id: stored.id })).status).toBe(200);
    const revoked = await api("/subscribers", { key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatch(/revoked/);
  });

  it("are made on the key page as tb_ and 32 base62 characters, shown once and listed by prefix only", async () => {
    const key = await newKey("listed key");
    expect(key).toMatch(/^tb_[0-9A-Za-z]{32}$/);
    const page = await (await fetch(`${app.url}/app/settings/api-keys`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(page).toContain("listed key");
    expect(page).toContain(key.slice(0, 7));
    expect(page).not.toContain(key);
    expect((await keyPage({ name: "  " })).status).toBe(400);
  });

  it("cannot revoke another shop's key", async () => {
    const other = await createShop(ctx);
    const { key, summary } = await createApiKey(ctx, other.id, "other shop's key");
    expect((await keyPage({ intent: "revoke", id: summary.id })).status).toBe(404);
    expect((await api("/subscribers", { key })).status).toBe(200);
  });

  it("limits each key's rate with 429 and Retry-After, and lets it through again after the wait", async () => {
    const key = await newKey("busy script");
    const responses = await Promise.all(Array.from({ length: 45 }, () => send("/subscribers?limit=1", { key })));
    const limited = responses.filter((response) => response.status === 429);
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(20);
    expect(limited.length).toBeGreaterThan(0);
    const retryAfter = Number(limited[0]!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect((await limited[0]!.json()).error).toMatch(/Too many requests/);
    // Another key has its own bucket.
    expect((await send("/subscribers?limit=1", { key: await newKey("quiet script") })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await send("/subscribers?limit=1", { key })).status).toBe(200);
  });
});

describe("request errors", () => {
  it("answers malformed JSON, a wrong content type, an oversized batch and an oversized body with a 4xx and {error, field?}", async () => {
    const malformed = await api("/subscribers", { method: "POST", raw: '{"phone": "+13125550142",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/not valid JSON/);
    expect((await api("/subscribers", { method: "POST", raw: "phone=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).status).toBe(415);
    const tooMany = await api("/subscribers", { method: "POST", body: { subscribers: Array.from({ length: 1001 }, () => subscriber("+13125550142")) } });
    expect(tooMany).toMatchObject({ status: 400, body: { field: "subscribers", error: expect.stringMatching(/At most 1000/) } });
    expect(await api("/subscribers", { method: "POST", body: { subscribers: "all of them" } })).toMatchObject({ status: 400, body: { field: "subscribers" } });
    const huge = await api("/subscribers", { method: "POST", body: subscriber("+13125550142", { firstName: "x".repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect((await api("/subscribers?limit=0")).body).toMatchObject({ field: "limit" });
    expect((await api("/subscribers?consent=maybe")).body).toMatchObject({ field: "consent" });
    expect((await api("/subscribers?after=nope")).body).toMatchObject({ field: "after" });
    expect(await api("/subscribers", { method: "DELETE" })).toMatchObject({ status: 405, body: { error: expect.any(String) } });
  });
});

describe("POST /api/v1/subscribers", () => {
  it("takes 1,000 subscribers in one request and answers each one's outcome, recording consent in the ledger with its evidence", async () => {
    const tag = `batch-${Date.now()}`;
    const phones = Array.from({ length: 1000 }, () => uniquePhone("646"));
    const items: unknown[] = phones.map((phone, i) => subscriber(phone, { firstName: `Shopper ${i}`, tags: [tag, "vip"] }));
    items[10] = subscriber("12345");
    items[11] = { phone: phones[11], consent: { ...consent, consentedAt: "2999-01-01T00:00:00Z" } };
    items[12] = { phone: phones[12], consent: { ...consent, disclosure: "" } };
    items[13] = { phone: phones[13] };
    items[14] = subscriber(phones[0]!.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3"));
    const { status, body } = await api("/subscribers", { method: "POST", body: { subscribers: items } });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1000);
    expect(body.counts).toEqual({ created: 995, updated: 0, refused: 5 });
    expect(body.results[0]).toMatchObject({ index: 0, outcome: "created", phone: phones[0], id: expect.any(String) });
    expect(body.results.slice(10, 15)).toEqual([
      expect.objectContaining({ index: 10, outcome: "refused", reason: "invalid", field: "phone" }),
      expect.objectContaining({ index: 11, outcome: "refused", reason: "invalid", field: "consent.consentedAt", error: expect.stringMatching(/future/) }),
      expect.objectContaining({ index: 12, outcome: "refused", reason: "invalid", field: "consent.disclosure" }),
      expect.objectContaining({ index: 13, outcome: "refused", reason: "invalid", field: "consent" }),
      expect.objectContaining({ index: 14, outcome: "refused", reason: "duplicate", field: "phone", phone: phones[0] }),
    ]);

    const shop = await demoShop();
    const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId: shop.id, phone: phones[0]! } }, include: { tags: true } });
    expect(contact).toMatchObject({ marketingConsent: true, transactionalConsent: true, consentSource: "api", firstName: "Shopper 0", countryCode: "US", provinceCode: "NY" });
    expect(contact.tags.map((t) => t.tag).sort()).toEqual([tag, "vip"].sort());
    const [event] = await db.consentEvent.findMany({ where: { contactId: contact.id } });
    expect(event).toMatchObject({ source: "api", scope: "marketing", granted: true, text: consent.disclosure, occurredAt: new Date(consent.consentedAt) });
    expect(JSON.parse(event!.evidence!)).toEqual({ consentedAt: consent.consentedAt.replace("Z", ".000Z"), collectedAt: consent.source });
    expect(await db.contact.count({ where: { shopId: shop.id, phone: { in: phones.slice(10, 14) } } })).toBe(0);
    expect(await db.contactTag.count({ where: { shopId: shop.id, tag } })).toBe(995);
    // Nothing is sent: no text was queued for any of them.
    expect(await db.message.count({ where: { shopId: shop.id, contact: { tags: { some: { tag } } } } })).toBe(0);

    // One subscriber on its own: the same answer, for one.
    const again = await api("/subscribers", { method: "POST", body: subscriber(phones[1]!, { tags: ["returning"] }) });
    expect(again.body).toEqual({ results: [{ index: 0, outcome: "updated", phone: phones[1], id: body.results[1].id }], counts: { created: 0, updated: 1, refused: 0 } });
  });

  it("leaves opted-out and suppressed numbers as they are, and says so", async () => {
    const shop = await demoShop();
    const [optedOut, suppressed, withdrawn] = [uniquePhone("213"), uniquePhone("808"), uniquePhone("312")];
    await recordConsentEvent(ctx, { shopId: shop.id, phone: optedOut, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    await suppressPhone(ctx, { shopId: shop.id, phone: suppressed, hashKey: suppressionHashKey(SANDBOX_ENCRYPTION_KEY), reason: "customers/redact after an opt-out" });
    // The merchant unsubscribed this one in the admin after the evidence's date.
    await recordConsentEvent(ctx, { shopId: shop.id, phone: withdrawn, scope: "marketing", granted: false, source: "admin", text: "Unsubscribed by staff", at: new Date("2025-09-01T00:00:00Z") });
    const { body } = await api("/subscribers", {
      method: "POST",
      body: { subscribers: [optedOut, suppressed, withdrawn].map((phone) => subscriber(phone, { firstName: "Should not stick", tags: ["imported"] })) },
    });
    expect(body.results).toEqual([
      expect.objectContaining({ outcome: "refused", reason: "opted_out", field: "phone", phone: optedOut }),
      expect.objectContaining({ outcome: "refused", reason: "suppressed", field: "phone", phone: suppressed }),
      expect.objectContaining({ outcome: "refused", reason: "withdrawn_later", field: "phone", phone: withdrawn }),
    ]);
    const contacts = await db.contact.findMany({ where: { shopId: shop.id, phone: { in: [optedOut, suppressed, withdrawn] } }, include: { tags: true, consentEvents: true } });
    const byPhone = new Map(contacts.map((c) => [c.phone, c]));
    expect(byPhone.get(optedOut)).toMatchObject({ marketingConsent: false, optedOutAt: expect.any(Date), consentSource: null, firstName: null });
    expect(byPhone.get(suppressed)).toMatchObject({ marketingConsent: false, transactionalConsent: false, suppressedAt: expect.any(Date), firstName: null });
    expect(byPhone.get(withdrawn)).toMatchObject({ marketingConsent: false, consentSource: null });
    for (const contact of contacts) {
      expect(contact.tags).toEqual([]);
      expect(contact.consentEvents.filter((e) => e.source === "api")).toEqual([]);
    }
  });
});

describe("a suppressed number imported, then texting JOIN", () => {
  it("is a subscriber again: the shopper's own opt-in lifts the suppression on the contact too", async () => {
    const shop = await demoShop();
    const phone = uniquePhone("808");
    await suppressPhone(ctx, { shopId: shop.id, phone, hashKey: suppressionHashKey(SANDBOX_ENCRYPTION_KEY), reason: "customers/redact after an opt-out" });
    expect((await api("/subscribers", { method: "POST", body: subscriber(phone) })).body.results).toEqual([expect.objectContaining({ outcome: "refused", reason: "suppressed" })]);

    expect(await sandbox.textFromShopper(phone, "JOIN")).toBe(200);
    await sandbox.advanceClock(0);
    expect(await db.contact.findFirst({ where: { shopId: shop.id, phone } })).toMatchObject({ suppressedAt: null, marketingConsent: true, consentSource: "keyword" });
  });
});

describe("GET /api/v1/subscribers", () => {
  it("pages through a tag's subscribers with a cursor, and another shop's key sees none of them", async () => {
    const tag = `page-${Date.now()}`;
    const phones = Array.from({ length: 5 }, () => uniquePhone("415"));
    await api("/subscribers", { method: "POST", body: { subscribers: phones.map((phone) => subscriber(phone, { tags: [tag] })) } });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await api(`/subscribers?tag=${tag}&limit=2${after ? `&after=${after}` : ""}`);
      expect(status).toBe(200);
      for (const row of body.subscribers) {
        expect(row).toMatchObject({ consentState: "subscribed", consentSource: "api", tags: [tag], countryCode: "US", provinceCode: "CA" });
        seen.push(row.phone);
      }
      after = body.next;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...phones].sort());

    const other = await createShop(ctx);
    const { key } = await createApiKey(ctx, other.id, "another shop");
    expect((await api(`/subscribers?tag=${tag}`, { key })).body).toEqual({ subscribers: [], next: null });
    // The other shop's own import stays its own.
    await api("/subscribers", { method: "POST", key, body: subscriber(phones[0]!, { tags: [tag] }) });
    expect((await api(`/subscribers?tag=${tag}`, { key })).body.subscribers).toHaveLength(1);
    expect((await api(`/subscribers?tag=${tag}`)).body.subscribers).toHaveLength(5);
  });

  it("lists only a segment's members for segmentId: matched by its rules and textable; another shop's segment is 404", async () => {
    const tag = `vip-${Date.now()}`;
    const [member, untagged, optedOut] = [uniquePhone("415"), uniquePhone("415"), uniquePhone("415")];
    await api("/subscribers", { method: "POST", body: { subscribers: [subscriber(member, { tags: [tag] }), subscriber(untagged), subscriber(optedOut, { tags: [tag] })] } });
    const shop = await demoShop();
    await recordConsentEvent(ctx, { shopId: shop.id, phone: optedOut, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    const segment = await api("/segments", { method: "POST", body: { name: `Tagged ${tag}`, rules: { field: "tag", op: "=", value: tag } } });
    expect(segment.body.size).toBe(1);

    const { status, body } = await api(`/subscribers?segmentId=${segment.body.id}`);
    expect(status).toBe(200);
    expect(body.subscribers.map((row: { phone: string }) => row.phone)).toEqual([member]);

    const other = await createShop(ctx);
    const { key } = await createApiKey(ctx, other.id, "another shop");
    expect(await api(`/subscribers?segmentId=${segment.body.id}`, { key })).toMatchObject({ status: 404, body: { field: "segmentId" } });
  });
});

describe("GET /api/v1/openapi.json", () => {
  // Flat route files under app/routes: api.v1.segments.$id.ts serves /segments/{id}.
  const servedPaths = readdirSync("app/routes")
    .filter((file) => file.startsWith("api.v1.") && !file.startsWith("api.v1.openapi"))
    .map((file) => `/${file.replace(/^api\.v1\./, "").replace(/\.tsx?$/, "").split(".").map((part) => (part.startsWith("$") ? `{${part.slice(1)}}` : part)).join("/")}`);
  let document: any;
  beforeAll(async () => {
    const response = await fetch(`${app.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = await response.json();
  });

  it("is OpenAPI 3.1 with bearer security and the error shape", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.schemas.Error.required).toEqual(["error"]);
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
  });

  it("documents every method each route serves, and every documented one is served", async () => {
    const served: string[] = [];
    for (const path of servedPaths) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        // An unknown id is a 404 of the handler; an empty body a 400 or a per-item refusal: both served.
        const response = await api(path.replace(/\{\w+\}/g, "unknown-id"), { method, ...(method !== "GET" && { body: {} }) });
        if (response.status !== 405) served.push(`${method.toLowerCase()} ${path}`);
      }
    }
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations as object).map((method) => `${method} ${path}`));
    expect(served.length).toBeGreaterThan(0);
    expect(served.sort()).toEqual(documented.sort());
  });
});
