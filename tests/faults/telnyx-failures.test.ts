// Part of the fault suite: Telnyx failing 30 % of sends, and the app killed mid-run. Every text
// ends delivered or failed with a reason; none is lost, none is sent twice.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { useTestDatabase } from "../support/database";
import { checkLogsAfterAll } from "./log-hygiene";
import { acceptedPerPhone, advanceClock, prepareDemoShopForLoad, settleTexts, shoppersJoin, startFaultWorld, textsTo, type FaultWorld } from "./world";

const { db, engine } = useTestDatabase();
checkLogsAfterAll(db);
// Full scale on PostgreSQL, the production engine; the embedded SQLite default runs the same
// scenarios with fewer texts to keep the suite within its time budget.
const TEXTS = engine === "postgresql" ? 1_000 : 250;
let world: FaultWorld | undefined;
let restoreShop: (() => Promise<unknown>) | undefined;

afterEach(async () => {
  await world?.app.stop();
  await world?.telnyx.close();
  world = undefined;
});
afterAll(async () => {
  await restoreShop?.();
});

function expectEveryTextSettledOnce(texts: Awaited<ReturnType<typeof textsTo>>, accepted: Map<string, number>, phones: string[]) {
  expect(texts).toHaveLength(phones.length);
  const open = texts.filter((m) => m.status !== "delivered" && m.status !== "failed");
  expect(open.map((m) => `${m.status} ${m.providerMessageId ? "accepted" : "unconfirmed"} ${m.errorCode} ${m.errorDetail}`)).toEqual([]);
  expect(texts.filter((m) => m.status === "failed" && !m.errorCode)).toEqual([]);
  expect([...accepted.values()].filter((n) => n > 1)).toEqual([]);
  // A delivered text was accepted by Telnyx exactly once. A failed one was not, unless its
  // outcome was unknown (Telnyx took it as the app died): then it was never sent again.
  for (const text of texts) {
    const times = accepted.get(text.toNumber);
    if (text.status === "delivered") expect(times, text.toNumber).toBe(1);
    else if (times !== 0) expect(text.errorCode, text.toNumber).toBe("outcome_unknown");
  }
}

describe("Telnyx failing 30 % of sends", () => {
  it(`${TEXTS} texts end delivered or failed with a reason, none lost, none sent twice`, { timeout: 600_000 }, async () => {
    world = await startFaultWorld(db);
    restoreShop ??= await prepareDemoShopForLoad(db);
    world.telnyx.failFractionOfSends(0.3, [
      { kind: "server_error" },
      { kind: "rate_limited", retryAfterSeconds: 1 },
      { kind: "queue_full", retryAfterSeconds: 2 },
      { kind: "hang" },
    ]);

    const phones = await shoppersJoin(world, TEXTS, "646");
    await settleTexts(db, world.app.url, phones);

    const texts = await textsTo(db, phones);
    expectEveryTextSettledOnce(texts, acceptedPerPhone(world.telnyx, phones), phones);
    const answers = new Set(world.telnyx.sendAttempts().map((a) => a.status));
    expect([...answers].sort()).toEqual([0, 200, 429, 500]);
    expect(texts.filter((m) => m.errorCode === "outcome_unknown").length).toBeGreaterThan(0);
  });
});

describe("the app killed with SIGKILL in the middle of its sends", () => {
  it("is started again and every text ends delivered or failed, none sent twice", { timeout: 600_000 }, async () => {
    world = await startFaultWorld(db, { TEXTBACK_WORKER: "off" });
    restoreShop ??= await prepareDemoShopForLoad(db);
    const phones = await shoppersJoin(world, TEXTS, "917");
    const telnyx = world.telnyx;

    const draining = advanceClock(world.app.url, 0).catch(() => null);
    const deadline = Date.now() + 120_000;
    while (telnyx.messages().length < TEXTS * 0.3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await world.app.kill();
    await draining;
    const sentBeforeCrash = telnyx.messages().length;
    expect(sentBeforeCrash).toBeLessThan(TEXTS);

    // The restart migrates the database, which SQLite allows only with no other connection open.
    await db.$disconnect();
    world.app = await startAppServer("sandbox", world.env, world.port);
    await settleTexts(db, world.app.url, phones);

    expectEveryTextSettledOnce(await textsTo(db, phones), acceptedPerPhone(telnyx, phones), phones);
    expect(telnyx.messages().length).toBeGreaterThan(sentBeforeCrash);
  });
});
