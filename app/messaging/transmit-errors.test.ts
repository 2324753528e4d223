// How transmitMessage treats each way Telnyx can say no (or say nothing), through the real SDK.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { RetryJobAfter } from "~/jobs/queue.server";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { useTestDatabase } from "../../tests/support/database";
import {
  createQueuedMessage,
  createSendingShop,
  startFixedAnswerApi,
  TEST_ENCRYPTION_KEY,
  TEST_GATE_SECRETS,
  TEST_TELNYX_API_KEY,
} from "../../tests/support/outbound-messages";
import { transmitMessage, type TransmitOptions } from "./transmit.server";

const { db } = useTestDatabase();
const clock = new VirtualClock(new Date("2026-03-02T15:00:00Z"));
const ctx = { db, clock };

let double: TelnyxDouble;
let options: TransmitOptions;

beforeAll(async () => {
  double = await startTelnyxDouble({ apiKeys: [TEST_TELNYX_API_KEY], now: () => clock.now(), deliveryWebhooks: false });
  options = {
    secrets: TEST_GATE_SECRETS,
    encryptionKey: TEST_ENCRYPTION_KEY,
    env: { TELNYX_BASE_URL: double.apiBaseUrl },
    appUrl: "http://127.0.0.1:9/app",
    // A retry books the number's next slot a second later; these tests skip that wait.
    sleep: async () => {},
  };
});

afterAll(() => double.close());
// Every test shop connects with the same Telnyx key, so they share one account's slots: each
// test starts with that account (and every number) free.
beforeEach(async () => {
  double.reset();
  await db.sendingRate.deleteMany();
});

const rowOf = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

async function queuedMessage(to?: string) {
  const shop = await createSendingShop(db);
  return createQueuedMessage(db, shop, { to });
}

describe("Telnyx asks us to slow down", () => {
  it("429 with Retry-After: back to queued, retried after that delay, then sent", async () => {
    const message = await queuedMessage();
    double.failNextSends(1, { kind: "rate_limited", retryAfterSeconds: 7 });

    const refusal = await transmitMessage(ctx, message.id, options).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(RetryJobAfter);
    expect((refusal as RetryJobAfter).delayMs).toBe(7_000);
    expect(await rowOf(message.id)).toMatchObject({ status: "queued", errorCode: "10011" });
    // The number stays paused for the asked delay: sooner, the retry finds no slot.
    const tooSoon = await transmitMessage(ctx, message.id, { ...options, maxSlotWaitMs: 1_000 }).catch((e: unknown) => e);
    expect(tooSoon).toBeInstanceOf(RetryJobAfter);
    const later = () => new Date(Date.now() + 7_000);
    expect((await transmitMessage(ctx, message.id, { ...options, realNow: later })).result).toBe("accepted");
    expect(await rowOf(message.id)).toMatchObject({ status: "sending", errorCode: null, errorDetail: null });
    expect(double.messages()).toHaveLength(1);
  });

  it("429 pauses that number only: another shop's text leaves at once", async () => {
    const limited = await queuedMessage();
    const other = await queuedMessage();
    double.failNextSends(1, { kind: "rate_limited", retryAfterSeconds: 30 });

    expect(await transmitMessage(ctx, limited.id, options).catch((e: unknown) => e)).toBeInstanceOf(RetryJobAfter);
    expect((await transmitMessage(ctx, other.id, options)).result).toBe("accepted");
    expect(double.messages().map((m) => m.to)).toEqual([other.toNumber]);
  });

  it("queue full (40318): back to queued and retried after Retry-After", async () => {
    const message = await queuedMessage();
    double.failNextSends(1, { kind: "queue_full", retryAfterSeconds: 3 });

    const refusal = await transmitMessage(ctx, message.id, options).catch((e: unknown) => e);

    expect((refusal as RetryJobAfter).delayMs).toBe(3_000);
    expect(await rowOf(message.id)).toMatchObject({ status: "queued", errorCode: "40318" });
  });
});

describe("Telnyx fails or cannot be reached", () => {
  it("500: back to queued and the error rethrown for the job's backoff", async () => {
    const message = await queuedMessage();
    double.failNextSends(1, { kind: "server_error" });

    const error = await transmitMessage(ctx, message.id, options).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RetryJobAfter);
    expect((error as Error).message).toMatch(/Telnyx answered 500/);
    expect(await rowOf(message.id)).toMatchObject({ status: "queued", errorCode: "10007" });
    expect((await transmitMessage(ctx, message.id, options)).result).toBe("accepted");
  });

  it("no answer before the timeout: left 'sending' as outcome unknown, and never sent again", async () => {
    const message = await queuedMessage();
    double.failNextSends(1, { kind: "hang" });

    const outcome = await transmitMessage(ctx, message.id, { ...options, timeoutMs: 300 });

    expect(outcome.result).toBe("outcome_unknown");
    const row = await rowOf(message.id);
    expect(row.status).toBe("sending");
    expect(row.errorDetail).toMatch(/^outcome unknown/);
    expect((await transmitMessage(ctx, message.id, options)).result).toBe("outcome_unknown");
    expect(double.sendAttempts()).toHaveLength(1);
  });

  it("connection refused (the request never left): back to queued and rethrown", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const message = await queuedMessage();

    const unreachable = { ...options, env: { TELNYX_BASE_URL: `http://127.0.0.1:${port}/v2` } };
    await expect(transmitMessage(ctx, message.id, unreachable)).rejects.toThrow(/Connection error/);

    expect(await rowOf(message.id)).toMatchObject({ status: "queued" });
  });
});

describe("Telnyx refuses the message", () => {
  it("an invalid recipient fails the message with Telnyx's code, no retry", async () => {
    const message = await queuedMessage("+1 312-555-0100");

    const outcome = await transmitMessage(ctx, message.id, options);

    expect(outcome).toMatchObject({ result: "failed", errorCode: "10016", optedOutByCarrier: false });
    const row = await rowOf(message.id);
    expect(row).toMatchObject({ status: "failed", errorCode: "10016" });
    expect(row.errorDetail).toMatch(/E164/);
    expect(double.sendAttempts().map((a) => a.status)).toEqual([422]);
  });

  it("'Blocked due to STOP message' (40300, HTTP 409) fails the message and reports the carrier opt-out", async () => {
    // The documented answer (developers.telnyx.com/api/errors/40300); the double has no block rules.
    const telnyx = await startFixedAnswerApi(409, {
      errors: [{
        code: "40300",
        title: "Blocked due to STOP message",
        detail: "Messages cannot be sent from '+13125550001' to '+13125550002' due to an existing block rule.",
      }],
    });
    try {
      const message = await queuedMessage();
      const outcome = await transmitMessage(ctx, message.id, { ...options, env: { TELNYX_BASE_URL: telnyx.apiBaseUrl } });
      expect(outcome).toMatchObject({ result: "failed", errorCode: "40300", optedOutByCarrier: true });
      expect(await rowOf(message.id)).toMatchObject({ status: "failed", errorCode: "40300" });
    } finally {
      await telnyx.close();
    }
  });

  it("a sending number not on the account (40300 'Forbidden', HTTP 403) fails but is no opt-out", async () => {
    const strict = await startTelnyxDouble({ apiKeys: [TEST_TELNYX_API_KEY], ownedNumbers: ["+13125550001"], deliveryWebhooks: false });
    try {
      const message = await queuedMessage();
      const outcome = await transmitMessage(ctx, message.id, { ...options, env: { TELNYX_BASE_URL: strict.apiBaseUrl } });
      expect(outcome).toMatchObject({ result: "failed", errorCode: "40300", optedOutByCarrier: false });
      expect((await rowOf(message.id)).errorDetail).toMatch(/not assigned to a messaging profile/);
    } finally {
      await strict.close();
    }
  });

  it("a rejected API key fails the message with 10009", async () => {
    const shop = await createSendingShop(db, { apiKey: "KEY_REVOKED" });
    const message = await createQueuedMessage(db, shop);
    expect(await transmitMessage(ctx, message.id, options)).toMatchObject({ result: "failed", errorCode: "10009" });
  });
});
