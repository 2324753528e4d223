// A world for fault tests: a Telnyx double owned by the test (so it outlives app crashes and
// counts every request), the sandbox app pointed at it, and helpers to load and settle it.
import type { Db } from "~/db.server";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { uniquePhone } from "../support/sandbox-client";
import { cancelLeftoverJobs } from "../support/database";
import { SANDBOX_SHOP } from "../support/shopify-webhooks";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { capturedLog } from "./log-hygiene";

export const SHOP_NUMBER = "+13125550100";
const SETTLED = ["delivered", "failed"];

export interface FaultWorld {
  telnyx: TelnyxDouble;
  app: AppServer;
  env: Record<string, string>;
  port: number;
}

export async function startFaultWorld(db: Db, appEnv: Record<string, string> = {}): Promise<FaultWorld> {
  await cancelLeftoverJobs(db);
  // Starting the app migrates the database, which SQLite allows only with no other connection open.
  await db.$disconnect();
  const port = await freePort();
  const telnyx = await startTelnyxDouble({ appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`, log: capturedLog });
  // A short Telnyx timeout keeps hung requests cheap; the rate is the shop's own (see below).
  // A short code, so the rate prepareDemoShopForLoad gives it holds across restarts: the sandbox sets
  // the demo number's type from SANDBOX_NUMBER_TYPE every time it starts.
  const env = { TELNYX_BASE_URL: telnyx.apiBaseUrl, TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64, TELNYX_TIMEOUT_MS: "500", SANDBOX_NUMBER_TYPE: "short_code", ...appEnv };
  const app = await startAppServer("sandbox", env, port);
  return { telnyx, app, env, port };
}

/**
 * Makes the demo shop's number a short code sending 200 texts a second, its account too, and
 * turns its welcome series off (its question would double the texts every JOIN is owed); returns
 * the undo.
 */
export async function prepareDemoShopForLoad(db: Db) {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
  const settings = JSON.parse(shop.settings) as Record<string, unknown>;
  const load = { ...settings, sending: { short_code: 200, account: 200 }, welcome: { ...(settings.welcome as object), enabled: false } };
  await db.shop.update({
    where: { id: shop.id },
    data: { sendingNumberType: "short_code", settings: JSON.stringify(load) },
  });
  return () => db.shop.update({ where: { id: shop.id }, data: { sendingNumberType: shop.sendingNumberType, settings: shop.settings } });
}

/**
 * `count` new shoppers text JOIN, so `count` confirmations are owed. Their numbers come from an
 * area code no other test uses (the database is shared by every test file).
 */
export async function shoppersJoin({ telnyx, app }: FaultWorld, count: number, areaCode: "646" | "917", concurrency = 25) {
  const phones = Array.from({ length: count }, () => uniquePhone(areaCode));
  for (let i = 0; i < phones.length; i += concurrency) {
    const statuses = await Promise.all(phones.slice(i, i + concurrency).map(async (from) => (await telnyx.sendInbound({ from, to: SHOP_NUMBER, text: "JOIN" })).status));
    if (statuses.some((status) => status !== 200)) {
      const refusals = app.lines().filter((line) => line.includes('"component":"webhooks"'));
      throw new Error(`An inbound JOIN got ${statuses.join(", ")}; the app said:\n${refusals.slice(-5).join("\n")}`);
    }
  }
  return phones;
}

export function advanceClock(appUrl: string, minutes: number) {
  return fetch(`${appUrl}/sandbox/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ advanceMinutes: minutes }) });
}

/** The texts to these phones, as the app has them (asked in chunks: SQLite caps bound values). */
export async function textsTo(db: Db, phones: string[]) {
  const texts = [];
  for (let i = 0; i < phones.length; i += 200) {
    texts.push(...(await db.message.findMany({ where: { toNumber: { in: phones.slice(i, i + 200) }, direction: "outbound" } })));
  }
  return texts;
}

/**
 * Moves the app's clock two hours at a time (running retries, lock expiries, receipt checks
 * and the one-day expiry of unconfirmed sends) until every text to `phones` is delivered or
 * failed, or `realTimeoutMs` has passed.
 */
export async function settleTexts(db: Db, appUrl: string, phones: string[], realTimeoutMs = 400_000) {
  const deadline = Date.now() + realTimeoutMs;
  while (Date.now() < deadline) {
    const open = (await textsTo(db, phones)).filter((m) => !SETTLED.includes(m.status));
    if (open.length === 0) return;
    const response = await advanceClock(appUrl, 120);
    if (response.status !== 200) throw new Error(`POST /sandbox/clock answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Texts the double accepted for each phone: more than one would be a duplicate. */
export function acceptedPerPhone(telnyx: TelnyxDouble, phones: string[]) {
  const counts = new Map(phones.map((phone) => [phone, 0]));
  for (const message of telnyx.messages()) if (counts.has(message.to)) counts.set(message.to, counts.get(message.to)! + 1);
  return counts;
}
