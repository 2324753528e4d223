// What an operator relies on: /healthz, /readyz, /metrics and a clean SIGTERM.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort, startAppServer, useAppServer, type AppServer } from "./support/app-server";
import { cancelLeftoverJobs, useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { readiness } from "~/readiness.server";

const { db } = useTestDatabase();
const METRICS_TOKEN = "an-operator-token-0123456789";

/** The samples of a Prometheus text exposition, keyed by name and labels as written. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* /.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    if (!sample) throw new Error(`Not Prometheus text: ${line}`);
    samples.set(sample[1]!, Number(sample[2]));
  }
  return samples;
}

/** Noon in Chicago on a later day: inside every sending window, whenever the suite runs. */
async function pinClockToNoon(sandbox: ReturnType<typeof sandboxClient>) {
  const { body } = await sandbox.advanceClock(0);
  const noon = new Date(body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
}

// Each describe runs its own app: two sandboxes on one PostgreSQL database would both claim
// (LISTEN/NOTIFY wakes every process), and a text could leave through the other one's double.
describe("a running sandbox", () => {
  const app = useAppServer("sandbox", { METRICS_TOKEN });
  const sandbox = sandboxClient(() => app.url);

  const scrape = async () => {
    const response = await fetch(`${app.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    return parsePrometheus(await response.text());
  };

  describe("health and readiness", () => {
    it("answers /healthz and /readyz on a migrated database", async () => {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
    });

    it("is not ready while a migration this build ships has not run", async () => {
      const [last] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`
      );
      // Rolled back, Prisma's record says it has not run; put back at once after.
      const markRolledBack = (at: Date | null) =>
        db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = ${at} WHERE "migration_name" = ${last!.migration_name}`;
      await markRolledBack(new Date());
      try {
        expect(await readiness(db)).toEqual({
          ready: false,
          reason: `1 migration(s) pending, first ${last!.migration_name}: run npm run db:deploy`,
        });
      } finally {
        await markRolledBack(null);
      }
      expect(await readiness(db)).toEqual({ ready: true });
    });
  });

  describe("/metrics", () => {
    beforeAll(async () => {
      await cancelLeftoverJobs(db);
      await pinClockToNoon(sandbox);
    });

    it("is refused without the token, or with another one", async () => {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(403);
      expect((await fetch(`${app.url}/metrics`, { headers: { Authorization: "Bearer wrong-token-0123456789ab" } })).status).toBe(403);
    });

    it("counts a Telnyx webhook and the text the worker sends in answer", async () => {
      const before = await scrape();
      const received = 'textback_webhooks_received_total{source="telnyx",topic="message.received",status="200"}';
      const sent = 'textback_texts_total{status="sent",reason=""}';
      const sendJobs = 'textback_jobs_finished_total{kind="send-text",outcome="succeeded"}';

      const shopper = uniquePhone();
      expect(await sandbox.textFromShopper(shopper, "JOIN")).toBe(200);
      expect((await sandbox.advanceClock(0)).status).toBe(200);
      expect((await sandbox.textsTo(shopper)).length).toBe(1);

      const after = await scrape();
      expect(after.get(received)! - (before.get(received) ?? 0)).toBe(1);
      expect(after.get(sent)! - (before.get(sent) ?? 0)).toBe(1);
      expect(after.get(sendJobs)! - (before.get(sendJobs) ?? 0)).toBe(1);
      expect(after.get('textback_telnyx_request_seconds_count{endpoint="POST /v2/messages",status="200"}')).toBeGreaterThan(0);
    });
  });
});

describe("/metrics without a token", () => {
  let production: AppServer | undefined;
  afterEach(() => production?.stop());

  it("answers this machine, and refuses a request relayed by a proxy", async () => {
    production = await startAppServer("production");
    expect((await fetch(`${production.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${production.url}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.7" } })).status).toBe(403);
  });
});

describe("SIGTERM", () => {
  const running: { app?: AppServer; telnyx?: TelnyxDouble } = {};
  afterEach(async () => {
    await running.app?.kill();
    await running.telnyx?.close();
  });

  it("hands a job still running back to the queue and exits within 10 s", { timeout: 90_000 }, async () => {
    await cancelLeftoverJobs(db);
    await db.$disconnect(); // starting the app migrates the database: SQLite wants it unshared
    const port = await freePort();
    const telnyx = (running.telnyx = await startTelnyxDouble({ appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`, deliveryWebhooks: false }));
    running.app = await startAppServer("sandbox", { TELNYX_BASE_URL: telnyx.apiBaseUrl, TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64 }, port);

    await pinClockToNoon(sandboxClient(() => running.app!.url));
    const shopper = uniquePhone();
    telnyx.failNextSends(1, { kind: "hang" });
    expect((await telnyx.sendInbound({ from: shopper, to: "+13125550100", text: "JOIN" })).status).toBe(200);
    // The inline worker claims the confirmation and waits on Telnyx, which never answers.
    const deadline = Date.now() + 20_000;
    while (!telnyx.sendAttempts().some((attempt) => attempt.to === shopper)) {
      if (Date.now() > deadline) throw new Error("The confirmation never reached Telnyx");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const signalled = Date.now();
    await running.app.stop();
    expect(Date.now() - signalled).toBeLessThan(10_000);

    const confirmation = await db.message.findFirstOrThrow({ where: { toNumber: shopper, direction: "outbound" } });
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: `send-text:${confirmation.id}` } });
    expect({ status: job.status, lockedBy: job.lockedBy, attempts: job.attempts }).toEqual({ status: "queued", lockedBy: null, attempts: 0 });
  });
});
