// Delivery receipts applied to outbound messages, from Telnyx's published payloads.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { useTestDatabase } from "../../tests/support/database";
import { createQueuedMessage, createSendingShop } from "../../tests/support/outbound-messages";
import { telnyxFixture } from "../../tests/support/telnyx-signing";
import { applyDeliveryStatus } from "./delivery-status.server";
import type { TelnyxEvent } from "./telnyx-webhooks.server";

const { db } = useTestDatabase();
const ctx = { db, clock: new VirtualClock(new Date("2026-03-02T15:00:00Z")) };

type Payload = Record<string, unknown> & { to: Record<string, unknown>[] };

/** A published receipt re-addressed to one of our messages, with payload fields changed. */
function receipt(fixture: string, message: { toNumber: string }, providerId: string, change: (p: Payload) => void = () => {}): TelnyxEvent {
  const event = JSON.parse(telnyxFixture(fixture)) as { data: { id: string; payload: Payload } };
  event.data.id = randomUUID();
  event.data.payload.id = providerId;
  event.data.payload.to[0].phone_number = message.toNumber;
  change(event.data.payload);
  return event as unknown as TelnyxEvent;
}

const failedWith = (errors: unknown[]) => (p: Payload) => {
  p.to[0].status = "delivery_failed";
  p.errors = errors;
};
const FAILURE_FRAGMENT = JSON.parse(telnyxFixture("message-finalized-failed.errors-fragment")) as { errors: unknown[] };

let shop: Awaited<ReturnType<typeof createSendingShop>>;
beforeAll(async () => {
  shop = await createSendingShop(db);
});

/** An outbound message Telnyx accepted under `providerId`. */
async function sendingMessage(providerId: string | null = randomUUID()) {
  const message = await createQueuedMessage(db, shop);
  await db.message.update({ where: { id: message.id }, data: { status: "sending", providerMessageId: providerId } });
  return { ...message, providerId: providerId ?? randomUUID() };
}

const rowOf = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

describe("applyDeliveryStatus", () => {
  it("message.sent then message.finalized: sent, then delivered, with Telnyx's times and cost", async () => {
    const message = await sendingMessage();
    const sent = await applyDeliveryStatus(ctx, receipt("message-sent", message, message.providerId));
    expect(sent).toEqual({ result: "applied", messageId: message.id, status: "sent", optedOutByCarrier: false });
    expect(await rowOf(message.id)).toMatchObject({ status: "sent", sentAt: new Date("2024-01-15T21:32:13.596Z") });

    await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId));
    const row = await rowOf(message.id);
    expect(row).toMatchObject({ status: "delivered", deliveredAt: new Date("2024-01-15T21:32:14.148Z"), segments: 1, encoding: "GSM-7" });
    expect(row.cost?.toString()).toBe("0.0051");
  });

  it("a late message.sent after message.finalized changes nothing", async () => {
    const message = await sendingMessage();
    await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId));
    const before = await rowOf(message.id);

    const late = await applyDeliveryStatus(ctx, receipt("message-sent", message, message.providerId, (p) => {
      p.sent_at = "2024-01-15T21:40:00.000+00:00";
    }));

    expect(late).toMatchObject({ result: "unchanged", status: "delivered" });
    expect(await rowOf(message.id)).toEqual(before);
    expect(before.sentAt).toEqual(new Date("2024-01-15T21:32:13.596Z"));
  });

  it("a replayed or contradicting final receipt does not overturn the first", async () => {
    const message = await sendingMessage();
    await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId));
    const replay = await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId));
    const contradiction = await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId, failedWith(FAILURE_FRAGMENT.errors)));
    expect([replay.result, contradiction.result]).toEqual(["unchanged", "unchanged"]);
    expect(await rowOf(message.id)).toMatchObject({ status: "delivered", errorCode: null });
  });

  it("a failed delivery stores Telnyx's error code and text, and is no opt-out", async () => {
    const message = await sendingMessage();
    const result = await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId, failedWith(FAILURE_FRAGMENT.errors)));
    expect(result).toMatchObject({ result: "applied", status: "failed", optedOutByCarrier: false });
    expect(await rowOf(message.id)).toMatchObject({
      status: "failed",
      errorCode: "40300",
      errorDetail: "Destination number unreachable: The destination number is not reachable on the carrier network.",
      deliveredAt: null,
    });
  });

  it("a failure 'Blocked due to STOP message' reports the carrier opt-out", async () => {
    const message = await sendingMessage();
    const blocked = failedWith([{ code: "40300", title: "Blocked due to STOP message", detail: "Messages cannot be sent due to an existing block rule." }]);
    const result = await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId, blocked));
    expect(result).toMatchObject({ result: "applied", status: "failed", optedOutByCarrier: true });
  });

  it("delivery unconfirmed leaves the text sent", async () => {
    const message = await sendingMessage();
    await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId, (p) => {
      p.to[0].status = "delivery_unconfirmed";
    }));
    expect(await rowOf(message.id)).toMatchObject({ status: "sent", deliveredAt: null });
  });

  it("finds a message whose send outcome was unknown by the webhook URL's id, and keeps Telnyx's id", async () => {
    const message = await sendingMessage(null);
    const event = receipt("message-sent", message, message.providerId);
    const result = await applyDeliveryStatus(ctx, event, { messageIdHint: message.id });
    expect(result).toMatchObject({ result: "applied", messageId: message.id, status: "sent" });
    expect(await rowOf(message.id)).toMatchObject({ providerMessageId: message.providerId, status: "sent" });

    // Later receipts find it by Telnyx's id.
    await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId));
    expect((await rowOf(message.id)).status).toBe("delivered");
  });

  it("reads the hint from the payload's webhook_url when none is given", async () => {
    const message = await sendingMessage(null);
    const event = receipt("message-sent", message, message.providerId, (p) => {
      p.webhook_url = `https://app.example.com/webhooks/telnyx?message=${message.id}`;
    });
    expect(await applyDeliveryStatus(ctx, event)).toMatchObject({ result: "applied", messageId: message.id });
  });

  it("ignores a hint that points at a message to someone else", async () => {
    const message = await sendingMessage(null);
    const event = receipt("message-sent", message, message.providerId, (p) => {
      p.to[0].phone_number = "+13125550199";
    });
    expect(await applyDeliveryStatus(ctx, event, { messageIdHint: message.id })).toMatchObject({ result: "unknown_message" });
    expect(await rowOf(message.id)).toMatchObject({ status: "sending", providerMessageId: null });
  });

  it("does nothing for a message that is not ours, or an event that is no receipt", async () => {
    const stranger = { toNumber: "+13125550002" };
    expect(await applyDeliveryStatus(ctx, receipt("message-sent", stranger, randomUUID()))).toMatchObject({ result: "unknown_message" });
    const inbound = JSON.parse(telnyxFixture("message-received")) as TelnyxEvent;
    expect(await applyDeliveryStatus(ctx, inbound)).toEqual({ result: "ignored", reason: "event message.received" });
  });

  it("applies inside the caller's transaction", async () => {
    const message = await sendingMessage();
    await db.$transaction(async (tx) => {
      await applyDeliveryStatus(ctx, receipt("message-finalized-delivered", message, message.providerId), {}, tx);
    });
    expect((await rowOf(message.id)).status).toBe("delivered");
  });
});
