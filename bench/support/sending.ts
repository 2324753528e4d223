// Texts waiting to go out, made due at one moment, and what the Telnyx double saw of them.
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { JOB_PRIORITY } from "~/jobs/queue.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import { sendingLimitsOf, withSendingLimits } from "~/messaging/sending-limits";
import type { TelnyxDouble } from "~/sandbox/telnyx-double.server";

export const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");
/** The double's answer time for the campaign-scale sections: about a real API round trip. */
export const TELNYX_ROUND_TRIP_MS = 150;

export type { SendingNumberType as NumberType } from "~/messaging/sending-limits";
import type { SendingNumberType as NumberType } from "~/messaging/sending-limits";

export interface SendingLimits {
  numberType: NumberType;
  /** Texts per second for the shop's number; absent: Telnyx's default for the type. */
  perSecond?: number;
  /** Texts per second for the shop's Telnyx account; absent: the default (50/s). */
  accountPerSecond?: number;
}

/** Sets the shop's number type and rates as the merchant's Settings page saves them. */
export async function setSendingLimits(db: Db, shopId: string, limits: SendingLimits) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const current = sendingLimitsOf({ ...shop, sendingNumberType: limits.numberType });
  const settings = withSendingLimits(shop.settings, {
    numberType: limits.numberType,
    numberPerSecond: limits.perSecond ?? current.numberPerSecond,
    accountPerSecond: limits.accountPerSecond ?? current.accountPerSecond,
  });
  await db.shop.update({ where: { id: shopId }, data: { sendingNumberType: limits.numberType, settings } });
}

/** The highest rates Settings allows a short code and an account: more than one worker process can send. */
export const RAISED_LIMITS = { perSecond: 1_000, accountPerSecond: 10_000 };

const chunks = <T>(items: T[], size = 500) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * `count` shoppers who texted the shop, each with one conversational reply queued and its
 * send-text job parked in the far future (makeDue then makes them all due at once). Replies to
 * a shopper who wrote first need no marketing consent, so every one of them may go out.
 */
export async function seedQueuedReplies(db: Db, shop: { id: string; sendingNumber: string | null }, count: number, areaCode: string) {
  const now = new Date();
  const earlier = new Date(now.getTime() - 60_000);
  const rows = Array.from({ length: count }, (_, i) => ({
    contactId: randomUUID(),
    conversationId: randomUUID(),
    messageId: randomUUID(),
    phone: `+1${areaCode}${2_000_000 + i}`,
  }));
  const from = shop.sendingNumber!;
  for (const part of chunks(rows)) {
    await db.contact.createMany({ data: part.map((r) => ({ id: r.contactId, shopId: shop.id, phone: r.phone })) });
    await db.conversation.createMany({
      data: part.map((r) => ({ id: r.conversationId, shopId: shop.id, contactId: r.contactId, lastMessageAt: now, state: "open" })),
    });
    await db.message.createMany({
      data: part.flatMap((r) => [
        { shopId: shop.id, contactId: r.contactId, conversationId: r.conversationId, direction: "inbound", body: "Where is my order?", fromNumber: r.phone, toNumber: from, status: "received", occurredAt: earlier },
        { id: r.messageId, shopId: shop.id, contactId: r.contactId, conversationId: r.conversationId, direction: "outbound", purpose: "conversational", body: "It ships today. Reply here with any question.", fromNumber: from, toNumber: r.phone, status: "queued", occurredAt: now },
      ]),
    });
    await db.job.createMany({
      data: part.map((r) => ({
        shopId: shop.id,
        kind: SEND_TEXT_JOB,
        payload: JSON.stringify({ messageId: r.messageId }),
        runAt: FAR_FUTURE,
        priority: JOB_PRIORITY.conversation,
        dedupeKey: `${SEND_TEXT_JOB}:${r.messageId}`,
      })),
    });
  }
  return rows.map((r) => r.phone);
}

/** Makes the parked jobs due one second from now (workers find them on their next poll) and returns that moment. */
export async function makeDue(db: Db, where: { shopId?: string; kind?: string }) {
  const dueAt = new Date(Date.now() + 1_000);
  await db.job.updateMany({ where: { ...where, status: "queued", runAt: FAR_FUTURE }, data: { runAt: dueAt } });
  return dueAt;
}

export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string, pollMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Waits until the double has received a text from `from` for each of `count` shoppers; returns each one's lag behind `dueAt`. */
export async function sendLags(telnyx: TelnyxDouble, from: string, count: number, dueAt: Date, timeoutMs: number) {
  const received = () => telnyx.messages({ from });
  // The lags come from the double's own arrival times: the poll only says when to stop, and
  // polling less often leaves the machine's cores to the worker being measured.
  await waitFor(() => received().length >= count, timeoutMs, `${count} texts from ${from}`, 500);
  return received().map((m) => m.at.getTime() - dueAt.getTime());
}

export const perSecond = (count: number, ms: number) => `${(count / (ms / 1000)).toFixed(0)}/s`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const verdict = (met: boolean, goal: string) => `${goal} ${met ? "met" : "MISSED"}`;
