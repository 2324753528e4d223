// The control API is synchronous: when POST /sandbox/clock answers, every job due by then has
// run, including the ones already running in the app's own worker and the ones they enqueued.
// Checked from outside, as any black-box check would: JOIN, then the clock, then the Telnyx
// double; STOP, then the clock, then the double; fifty shoppers in a row.
import { beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

const app = useAppServer("sandbox");
const sandbox = sandboxClient(() => app.url);
const ROUNDS = 50;

beforeAll(async () => {
  // Noon in Chicago on a later day: nothing is held for quiet hours.
  const { body } = await sandbox.advanceClock(0);
  const noon = new Date(body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
});

describe("POST /sandbox/clock", () => {
  it(`has sent every text due when it answers: ${ROUNDS} JOIN → STOP rounds, exactly one text, then two`, async () => {
    const short: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const phone = uniquePhone();
      expect((await sandbox.deliverShopperText(phone, "JOIN")).status).toBe(200);
      await sandbox.advanceClock(0);
      const afterJoin = (await sandbox.textsTo(phone)).length;
      expect((await sandbox.deliverShopperText(phone, "STOP")).status).toBe(200);
      await sandbox.advanceClock(0);
      const texts = await sandbox.textsTo(phone);
      if (afterJoin !== 1 || texts.length !== 2) short.push(`round ${round}: ${afterJoin} after JOIN, ${texts.length} after STOP`);
    }
    expect(short).toEqual([]);
  }, 300_000);
});
