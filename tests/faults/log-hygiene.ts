// Every line the app writes during a fault file, read at its end: each one is a JSON log entry
// with its context, and none holds a phone number, a message body or a secret. The lines come
// from every app process the file started (killed ones too) and from the app code the test
// process runs itself (the fault world's Telnyx double), which logs through `capturedLog`.
import { Writable } from "node:stream";
import { afterAll, expect } from "vitest";
import type { Db } from "~/db.server";
import { createLogger } from "~/logger.server";
import { SANDBOX_API_SECRET, SANDBOX_ENCRYPTION_KEY } from "~/sandbox/demo-shop";
import { DEFAULT_TELNYX_DOUBLE_API_KEY } from "~/sandbox/telnyx-double.server";
import { appsStarted, PRODUCTION_TEST_ENV } from "../support/app-server";

const inProcessLines: string[] = [];
export const capturedLog = createLogger({
  destination: new Writable({
    write(chunk, _encoding, done) {
      inProcessLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  }),
});

export interface KnownValues {
  phones: string[];
  bodies: string[];
  secrets: string[];
}

// E.164, or a North American number in national form ("(312) 555-0142", "312.555.0142"), not
// part of a longer id (a UUID's digit groups are glued by hyphens).
const PHONE_PATTERNS = [/(?<![\w+])\+\d{8,15}(?!\w)/, /(?<![\w-])\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\w-])/];
// Telnyx API keys, bearer tokens, JWTs (Shopify session tokens), Shopify access tokens.
const SECRET_PATTERNS = [/\bKEY[0-9A-Za-z_]{10,}/, /\btb_[0-9A-Za-z]{32}\b/, /\bBearer\s+\S+/i, /\beyJ[\w-]{5,}\.[\w-]{5,}/, /\bshp(at|ua|ss|ca|pa)_\w+/];
// What a line must carry, by the part of the app that wrote it.
const CONTEXT: Record<string, (entry: Record<string, unknown>) => string[]> = {
  jobs: (entry) => ("outcome" in entry ? ["jobId", "jobKind", "attempt", "maxAttempts"] : []),
  webhooks: (entry) => ("requestId" in entry ? [] : ["shop", "topic", "webhookId"]),
  pages: () => ["requestId"],
};

function stringsOf(value: unknown, key = ""): string[] {
  if (typeof value === "string") return key === "time" ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((inner) => stringsOf(inner));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, inner]) => stringsOf(inner, k));
  return [];
}

const digitsOf = (text: string) => text.replace(/\D/g, "");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What is wrong with these lines; empty when nothing is. */
export function logProblems(lines: string[], known: KnownValues): string[] {
  const phoneDigits = new Set(known.phones.flatMap((phone) => [digitsOf(phone), digitsOf(phone).slice(-10)]));
  const bodies = [...new Set(known.bodies.map((body) => body.trim()).filter((body) => body.length >= 3))].map(
    (body) => new RegExp(`(?<!\\w)${escape(body)}(?!\\w)`),
  );
  const problems: string[] = [];
  for (const line of lines) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`not JSON: ${line}`);
      continue;
    }
    const missing = ["level", "time", "msg", "component"].filter((field) => entry[field] === undefined);
    missing.push(...(CONTEXT[entry.component as string]?.(entry) ?? []).filter((field) => entry[field] === undefined));
    if (missing.length > 0) problems.push(`without ${missing.join(", ")}: ${line}`);
    for (const text of stringsOf(entry)) {
      const runs = text.match(/\+?[\d().\s-]{7,}\d/g) ?? [];
      if (runs.some((run) => phoneDigits.has(digitsOf(run))) || PHONE_PATTERNS.some((pattern) => pattern.test(text))) {
        problems.push(`a phone number: ${line}`);
      }
      if (bodies.some((body) => body.test(text))) problems.push(`a message body: ${line}`);
    }
    if (known.secrets.some((secret) => line.includes(secret)) || SECRET_PATTERNS.some((pattern) => pattern.test(line))) {
      problems.push(`a secret: ${line}`);
    }
  }
  return problems;
}

/**
 * Every phone the database holds, the bodies of the texts this file's scenarios made, and the
 * secrets the test apps run with. Other files' bodies are left out: the shared database holds
 * one-word texts ("status") that are ordinary words in any log line.
 */
async function knownValues(db: Db, since: Date): Promise<KnownValues> {
  const select = { phone: true } as const;
  const [messages, ...rows] = await Promise.all([
    db.message.findMany({ select: { body: true, toNumber: true, fromNumber: true, createdAt: true } }),
    db.contact.findMany({ select }),
    db.checkout.findMany({ select }),
    db.order.findMany({ select }),
    db.shipment.findMany({ select }),
  ]);
  return {
    phones: [...messages.flatMap((m) => [m.toNumber, m.fromNumber]), ...rows.flat().flatMap((row) => (row.phone ? [row.phone] : []))],
    bodies: messages.filter((m) => m.createdAt >= since).map((m) => m.body),
    secrets: [SANDBOX_API_SECRET, SANDBOX_ENCRYPTION_KEY, DEFAULT_TELNYX_DOUBLE_API_KEY, PRODUCTION_TEST_ENV.SHOPIFY_API_SECRET, PRODUCTION_TEST_ENV.TEXTBACK_ENCRYPTION_KEY],
  };
}

/** At the end of the fault file: the apps are stopped, and every line they and the test process wrote is checked. */
export function checkLogsAfterAll(db: Db) {
  const fileStarted = new Date();
  afterAll(async () => {
    await Promise.all(appsStarted().map((app) => app.stop()));
    const lines = [...appsStarted().flatMap((app) => app.lines()), ...inProcessLines];
    expect(lines.length).toBeGreaterThan(0);
    const problems = logProblems(lines, await knownValues(db, fileStarted));
    expect({ problems: problems.length, first: problems.slice(0, 20) }).toEqual({ problems: 0, first: [] });
  }, 120_000);
}
