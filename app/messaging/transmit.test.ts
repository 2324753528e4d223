// Sending through the real telnyx SDK against the sandbox's Telnyx double, on both engines.
import Telnyx from "telnyx";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { RetryJobAfter } from "~/jobs/queue.server";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { useTestDatabase } from "../../tests/support/database";
import {
  createQueuedMessage,
  createSendingShop,
  startWebhookReceiver,
  TEST_ENCRYPTION_KEY,
  TEST_GATE_SECRETS,
  TEST_TELNYX_API_KEY,
} from "../../tests/support/outbound-messages";
import { applyDeliveryStatus } from "./delivery-status.server";
import { numberBucketKey, reserveSendSlots } from "./send-rate.server";
import { statusWebhookUrl, transmitMessage, transmitMessages, type TransmitOptions } from "./transmit.server";

const { db } = useTestDatabase();
const clock = new VirtualClock(new Date("2026-03-02T15:00:00Z"));
const ctx = { db, clock };

let double: TelnyxDouble;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let options: TransmitOptions;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  double = await startTelnyxDouble({ apiKeys: [TEST_TELNYX_API_KEY], now: () => clock.now() });
  options = {
    secrets: TEST_GATE_SECRETS,
    encryptionKey: TEST_ENCRYPTION_KEY,
    env: { TELNYX_BASE_URL: double.apiBaseUrl },
    appUrl: receiver.appUrl,
  };
});

afterAll(async () => {
  await double.close();
  await receiver.close();
});

// Every test shop connects with the same Telnyx key, so they share one account's slots: each
// test starts with that account (and every number) free.
beforeEach(async () => {
  double.reset();
  await db.sendingRate.deleteMany();
});

/** Applies every status webhook received so far, as the webhook job would. */
async function applyReceivedWebhooks() {
  await double.whenIdle();
  for (const { event, hint } of receiver.received.splice(0)) await applyDeliveryStatus(ctx, event, { messageIdHint: hint });
}

const rowOf = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

describe("transmitMessage", () => {
  it("sends a queued text once and stores Telnyx's id, parts and cost", async () => {
    const shop = await createSendingShop(db);
    const message = await createQueuedMessage(db, shop, { body: "Hi Ada, your order #1001 has shipped!" });

    const outcome = await transmitMessage(ctx, message.id, options);

    expect(outcome).toMatchObject({ result: "accepted", segments: 1, encoding: "GSM-7", cost: "0.0051", optedOutByCarrier: false });
    const sent = double.messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: shop.sendingNumber,
      to: message.toNumber,
      text: "Hi Ada, your order #1001 has shipped!",
      webhookUrl: `${receiver.appUrl}/webhooks/telnyx?message=${message.id}`,
      messagingProfileId: shop.telnyxMessagingProfileId,
    });
    const row = await rowOf(message.id);
    expect(row).toMatchObject({ providerMessageId: sent[0].id, segments: 1, encoding: "GSM-7", sendAttemptedAt: clock.now() });
    expect(row.cost?.toString()).toBe("0.0051");
    expect(row.status).toBe("sending");

    await applyReceivedWebhooks();
    expect(await rowOf(message.id)).toMatchObject({ status: "delivered", sentAt: clock.now(), deliveredAt: clock.now() });
  });

  it("stores the parts of a long UCS-2 text", async () => {
    const shop = await createSendingShop(db);
    const message = await createQueuedMessage(db, shop, { body: `Thanks 😀 ${"x".repeat(70)}` });
    await transmitMessage(ctx, message.id, options);
    expect(await rowOf(message.id)).toMatchObject({ segments: 2, encoding: "UCS-2" });
  });

  it("sends nothing when the same message is transmitted again, even at the same time", async () => {
    const shop = await createSendingShop(db);
    const message = await createQueuedMessage(db, shop);
    // Both book a slot of the 1/s number; the loser's wait for it is skipped, not slept.
    const noWait = { ...options, sleep: async () => {} };
    const outcomes = await Promise.all([transmitMessage(ctx, message.id, noWait), transmitMessage(ctx, message.id, noWait)]);
    const again = await transmitMessage(ctx, message.id, noWait);

    // The loser either lost the claim (not_sendable) or found the winner's claim already
    // there, which looks like an attempt in flight or crashed (outcome_unknown): never a send.
    expect(outcomes.filter((o) => o.result === "accepted")).toHaveLength(1);
    expect(again.result).toBe("not_sendable");
    expect(double.sendAttempts()).toHaveLength(1);
  });

  it("never sends a message an earlier attempt left in 'sending'; its late receipt completes it", async () => {
    const shop = await createSendingShop(db);
    const message = await createQueuedMessage(db, shop);
    // The crash: the claim committed, then the process died around the request.
    await db.message.update({ where: { id: message.id }, data: { status: "sending", sendAttemptedAt: clock.now() } });

    const outcome = await transmitMessage(ctx, message.id, options);

    expect(outcome).toMatchObject({ result: "outcome_unknown", optedOutByCarrier: false });
    expect(double.sendAttempts()).toHaveLength(0);

    // The crashed attempt's request had reached Telnyx: its receipts find the row by the hint.
    const client = new Telnyx({ apiKey: TEST_TELNYX_API_KEY, baseURL: double.apiBaseUrl, maxRetries: 0 });
    const { data } = await client.messages.send({
      from: shop.sendingNumber!,
      to: message.toNumber,
      text: message.body,
      webhook_url: statusWebhookUrl(receiver.appUrl, message.id),
      use_profile_webhooks: false,
    });
    await applyReceivedWebhooks();
    expect(await rowOf(message.id)).toMatchObject({ status: "delivered", providerMessageId: data!.id });
  });

  it("does not send texts the gate refused or a STOP cancelled", async () => {
    const shop = await createSendingShop(db);
    for (const status of ["refused", "cancelled"]) {
      const message = await createQueuedMessage(db, shop, { status });
      expect(await transmitMessage(ctx, message.id, options)).toMatchObject({ result: "not_sendable", status });
    }
    expect(double.sendAttempts()).toHaveLength(0);
  });

  it("fails the message, without calling Telnyx, when the shop has no Telnyx key", async () => {
    const shop = await createSendingShop(db, { apiKey: null });
    const message = await createQueuedMessage(db, shop);
    expect(await transmitMessage(ctx, message.id, options)).toMatchObject({ result: "failed", errorCode: "not_configured" });
    expect(await rowOf(message.id)).toMatchObject({ status: "failed", errorCode: "not_configured" });
  });
});

describe("transmitMessage and the sending number's rate", () => {
  it("waits in-process for a slot a moment away", async () => {
    const shop = await createSendingShop(db);
    let realMs = Date.parse("2026-11-25T12:00:00Z");
    const realNow = () => new Date(realMs);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      realMs += ms;
    };
    await reserveSendSlots(ctx, { buckets: [{ key: numberBucketKey(shop.sendingNumber!), perSecond: 1 }], count: 1, realNow });
    const message = await createQueuedMessage(db, shop);

    expect(await transmitMessage(ctx, message.id, { ...options, realNow, sleep })).toMatchObject({ result: "accepted" });
    // One long-code interval in all (1 s and the jitter margin): the last check is made a
    // moment before the slot, and the request leaves at it.
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(1_150);
  });

  it("leaves the text queued and asks for a retry when the number is booked further ahead", async () => {
    const shop = await createSendingShop(db);
    const realNow = () => new Date("2026-11-25T12:00:00Z");
    // Booked until 4 × 1.15 s from now.
    await reserveSendSlots(ctx, { buckets: [{ key: numberBucketKey(shop.sendingNumber!), perSecond: 1 }], count: 4, realNow, maxWaitMs: 10_000 });
    const message = await createQueuedMessage(db, shop);

    const refusal = await transmitMessage(ctx, message.id, { ...options, realNow, maxSlotWaitMs: 3_000 }).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(RetryJobAfter);
    expect((refusal as RetryJobAfter).delayMs).toBe(4_600);
    expect((await rowOf(message.id)).status).toBe("queued");
    expect(double.sendAttempts()).toHaveLength(0);
  });

  it("sends the slots a stalled worker finds past due one interval apart, not together", async () => {
    // Real time, as Telnyx counts arrivals: the double stamps each request when it comes in.
    const arrivals = await startTelnyxDouble({ apiKeys: [TEST_TELNYX_API_KEY], now: () => new Date() });
    try {
      const shop = await createSendingShop(db);
      const messages = [];
      for (let i = 0; i < 3; i++) messages.push(await createQueuedMessage(db, shop));
      let stalls = 1;
      // The wait for the second slot overruns by 3 s: both remaining slots are past due on waking.
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms + (ms > 0 && stalls-- > 0 ? 3_000 : 0)));

      const outcomes = await Promise.all(transmitMessages(ctx, messages.map((m) => m.id), { ...options, env: { TELNYX_BASE_URL: arrivals.apiBaseUrl }, sleep }));

      expect(outcomes.map((outcome) => outcome.result)).toEqual(["accepted", "accepted", "accepted"]);
      const times = arrivals.sendAttempts().map((attempt) => attempt.at.getTime()).sort((a, b) => a - b);
      // A long code sends 1 a second: no two requests within a second of each other.
      expect(times.slice(1).map((at, i) => at - times[i]! >= 1_000)).toEqual([true, true]);
    } finally {
      await arrivals.close();
    }
  }, 20_000);

  it("asks the texts of a backlog to come back one slot apart, from when the first may leave", async () => {
    const shop = await createSendingShop(db);
    const realNow = () => new Date("2026-11-25T12:00:00Z");
    await reserveSendSlots(ctx, { buckets: [{ key: numberBucketKey(shop.sendingNumber!), perSecond: 1 }], count: 4, realNow, maxWaitMs: 10_000 });
    const messages = [];
    for (let i = 0; i < 3; i++) messages.push(await createQueuedMessage(db, shop));

    const refusals = await Promise.all(transmitMessages(ctx, messages.map((m) => m.id), { ...options, realNow, maxSlotWaitMs: 3_000 }).map((outcome) => outcome.catch((e: unknown) => e)));

    // A long code's slots are 1.15 s apart (1 s and the jitter margin).
    expect(refusals.map((refusal) => (refusal as RetryJobAfter).delayMs)).toEqual([4_600, 5_750, 6_900]);
  });

  it("lines up a later batch's backlog behind the texts already waiting for the number", async () => {
    const shop = await createSendingShop(db);
    const realNow = () => new Date("2026-11-25T12:00:00Z");
    await reserveSendSlots(ctx, { buckets: [{ key: numberBucketKey(shop.sendingNumber!), perSecond: 1 }], count: 4, realNow, maxWaitMs: 10_000 });
    const retriesOf = async () => {
      const messages = [];
      for (let i = 0; i < 3; i++) messages.push(await createQueuedMessage(db, shop));
      const outcomes = transmitMessages(ctx, messages.map((m) => m.id), { ...options, realNow, maxSlotWaitMs: 3_000 });
      return (await Promise.all(outcomes.map((outcome) => outcome.catch((e: unknown) => e)))).map((refusal) => (refusal as RetryJobAfter).delayMs);
    };

    expect(await retriesOf()).toEqual([4_600, 5_750, 6_900]);
    // Three slots later: the second batch does not come back in the same seconds as the first.
    expect(await retriesOf()).toEqual([8_050, 9_200, 10_350]);
  });
});

