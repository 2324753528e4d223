// The world of the tests that try to get texts past the sender gate: the test database, a Telnyx
// double that records what reached it, and a virtual clock reset to noon in Chicago (inside
// every default sending window) before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { VirtualClock } from "~/clock.server";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { cancelLeftoverJobs, useTestDatabase } from "./database";
import { testMessagingDeps } from "./factories";

export const NOON_CHICAGO = new Date("2026-11-25T18:00:00Z");

export function useGateWorld() {
  const { db } = useTestDatabase();
  const world = { db, clock: new VirtualClock(NOON_CHICAGO), telnyx: undefined as unknown as TelnyxDouble };
  beforeAll(async () => {
    world.telnyx = await startTelnyxDouble({ deliveryWebhooks: false, now: () => world.clock.now() });
  });
  afterAll(() => world.telnyx.close());
  beforeEach(async () => {
    world.clock = new VirtualClock(NOON_CHICAGO);
    // What earlier files left queued would share these tests' claims (and outrank them), and
    // test shops share one Telnyx key, so one account whose slots they may have booked ahead.
    await cancelLeftoverJobs(db);
  });
  return {
    db,
    world,
    ctx: () => ({ db, clock: world.clock }),
    deps: () => testMessagingDeps(world.telnyx.apiBaseUrl),
  };
}
