import { afterEach, describe, expect, it } from "vitest";
import { freePort, startAppServer, type AppServer } from "./support/app-server";
import { cancelLeftoverJobs, useTestDatabase } from "./support/database";
import { uniquePhone } from "./support/sandbox-client";
import { useFlowSettings } from "./support/flow-settings";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";

const { db } = useTestDatabase();
const flows = useFlowSettings(db);
// The shopper's JOIN would start the demo's welcome series, a second text to count; this file is
// about the confirmation alone (the shop exists once the first app has started).
const welcomeOff = () => flows.set("welcome", { enabled: false });
const running: { app?: AppServer; telnyx?: TelnyxDouble } = {};
afterEach(async () => {
  await running.app?.stop();
  await running.telnyx?.close();
});

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const drainJobs = (appUrl: string, minutes: number) =>
  fetch(`${appUrl}/sandbox/clock`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ advanceMinutes: minutes }),
  });

describe("a crash while Telnyx holds the request", () => {
  it("never produces a second Telnyx request for that message", { timeout: 120_000 }, async () => {
    await cancelLeftoverJobs(db);
    await db.$disconnect(); // starting the app migrates the database: SQLite wants it unshared
    const port = await freePort();
    // Telnyx is a double this test owns (TELNYX_BASE_URL wins in the sandbox), so it outlives
    // the app process and counts every request across the crash.
    const telnyx = (running.telnyx = await startTelnyxDouble({
      appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`,
      deliveryWebhooks: false,
    }));
    const env = { TELNYX_BASE_URL: telnyx.apiBaseUrl, TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64, TEXTBACK_WORKER: "off" };
    running.app = await startAppServer("sandbox", env, port);
    await welcomeOff();

    const phone = uniquePhone();
    // Only this shopper's requests count: the shared database may hold other files' due jobs.
    const attemptsToShopper = () => telnyx.sendAttempts().filter((attempt) => attempt.to === phone);
    telnyx.failNextSends(1, { kind: "hang" });
    expect((await telnyx.sendInbound({ from: phone, to: "+13125550100", text: "JOIN" })).status).toBe(200);
    const draining = drainJobs(running.app.url, 0).catch(() => null);
    await until(() => attemptsToShopper().length === 1, "the confirmation to reach Telnyx");
    const confirmation = await db.message.findFirstOrThrow({ where: { toNumber: phone, direction: "outbound" } });
    expect(confirmation.status).toBe("sending");

    await running.app.kill();
    await draining;
    // The restart migrates the database, which SQLite's schema engine does only when no other
    // connection holds it; this test's own reconnects on its next query.
    await db.$disconnect();
    running.app = await startAppServer("sandbox", env, port);
    // Past the dead worker's lock: its job is claimed again by the new process.
    expect((await drainJobs(running.app.url, 10)).status).toBe(200);

    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: `send-text:${confirmation.id}` } });
    expect(job.attempts).toBe(2);
    expect(job.status).toBe("succeeded");
    expect(attemptsToShopper()).toHaveLength(1);
    expect(telnyx.messages({ to: phone })).toHaveLength(0);
    expect(await db.message.findUniqueOrThrow({ where: { id: confirmation.id } })).toMatchObject({ status: "sending" });

    // No receipt ever settles it: a day later it ends as failed, with the reason, still unsent.
    await drainJobs(running.app.url, 24 * 60);
    expect(await db.message.findUniqueOrThrow({ where: { id: confirmation.id } })).toMatchObject({
      status: "failed",
      errorCode: "outcome_unknown",
    });
    expect(attemptsToShopper()).toHaveLength(1);
  });
});

describe("a send whose answer was lost, then learnt from its first receipt", () => {
  it("is settled by asking Telnyx when the final receipt never comes", { timeout: 120_000 }, async () => {
    await cancelLeftoverJobs(db);
    await db.$disconnect();
    const port = await freePort();
    // Telnyx takes the text but answers after the app has given up, so the hand-off's outcome
    // is unknown; its message.sent then tells the app Telnyx's id, and message.finalized is lost.
    const telnyx = (running.telnyx = await startTelnyxDouble({
      appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`,
      responseDelayMs: 1_500,
      deliveryOutcome: () => ({ status: "delivered", finalReceipt: "lost" }),
    }));
    const env = { TELNYX_BASE_URL: telnyx.apiBaseUrl, TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64, TEXTBACK_WORKER: "off", TELNYX_TIMEOUT_MS: "300" };
    running.app = await startAppServer("sandbox", env, port);
    await welcomeOff();

    const phone = uniquePhone();
    expect((await telnyx.sendInbound({ from: phone, to: "+13125550100", text: "JOIN" })).status).toBe(200);
    expect((await drainJobs(running.app.url, 0)).status).toBe(200);
    await telnyx.whenIdle();
    await until(() => telnyx.webhookDeliveries().some((d) => d.eventType === "message.sent" && d.status === 200), "message.sent to reach the app");
    expect((await drainJobs(running.app.url, 0)).status).toBe(200);
    const learnt = await db.message.findFirstOrThrow({ where: { toNumber: phone, direction: "outbound" } });
    expect(learnt).toMatchObject({ status: "sent", providerMessageId: telnyx.messages({ to: phone })[0]!.id });

    await drainJobs(running.app.url, 25 * 60);
    expect(await db.message.findUniqueOrThrow({ where: { id: learnt.id } })).toMatchObject({ status: "delivered" });
    expect(telnyx.sendAttempts().filter((attempt) => attempt.to === phone)).toHaveLength(1);
  });
});
