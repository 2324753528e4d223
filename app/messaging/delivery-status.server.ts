// Telnyx's delivery receipts (`message.sent`, `message.finalized`) applied to our outbound
// Message rows: sending → sent → delivered | failed, with times, cost, parts and error code.
// Receipts can arrive late, twice or out of order, so a status only ever moves forward.
import { z } from "zod";
import type { AppContext } from "../context.server";
import type { DbOrTx } from "../jobs/queue.server";
import { moveMessage } from "./message-lifecycle.server";
import { isBlockedByStop } from "./telnyx-client.server";
import type { TelnyxEvent } from "./telnyx-webhooks.server";

export type DeliveryStatusResult =
  | { result: "applied"; messageId: string; status: string; optedOutByCarrier: boolean }
  /** The message is already at (or past) this status: a replay or a late receipt. */
  | { result: "unchanged"; messageId: string; status: string }
  /** No outbound message of ours has this Telnyx id (or the hinted id). */
  | { result: "unknown_message"; providerMessageId: string }
  /** Not a delivery receipt, or one without a message id. */
  | { result: "ignored"; reason: string };

// Only the fields used; Telnyx sends many more (fixtures/telnyx/message-*.json).
const Payload = z.object({
  id: z.string(),
  to: z.array(z.object({ phone_number: z.string().nullish(), status: z.string().nullish() })).nullish(),
  sent_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  cost: z.object({ amount: z.union([z.string(), z.number()]).nullish() }).nullish(),
  parts: z.number().int().positive().nullish(),
  encoding: z.string().nullish(),
  errors: z.array(z.object({ code: z.unknown(), title: z.unknown(), detail: z.unknown() }).partial()).nullish(),
  webhook_url: z.string().nullish(),
});
type Payload = z.infer<typeof Payload>;

/** The `?message=` id our webhook_url carries (see transmit.server.ts), if any. */
export function messageIdFromWebhookUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).searchParams.get("message");
  } catch {
    return null;
  }
}

/**
 * Applies one verified `message.sent` / `message.finalized` event. The message is found by
 * its Telnyx id, else by `messageIdHint` (the `?message=` of the URL the webhook was posted
 * to; taken from the payload's webhook_url when not given), which also finds a message whose
 * send outcome was unknown, and then records its Telnyx id. Pass `tx` to apply it inside the
 * transaction that records the webhook.
 */
export async function applyDeliveryStatus(
  ctx: AppContext,
  event: TelnyxEvent,
  options: { messageIdHint?: string | null } = {},
  tx?: DbOrTx,
): Promise<DeliveryStatusResult> {
  const db = tx ?? ctx.db;
  const type = event.data.event_type;
  if (type !== "message.sent" && type !== "message.finalized") return { result: "ignored", reason: `event ${type}` };
  const parsed = Payload.safeParse(event.data.payload);
  if (!parsed.success) return { result: "ignored", reason: "payload without a message id" };
  const payload = parsed.data;

  const message = await findMessage(db, payload, options.messageIdHint ?? messageIdFromWebhookUrl(payload.webhook_url));
  if (!message) return { result: "unknown_message", providerMessageId: payload.id };
  if (message.providerMessageId === null) {
    await db.message.updateMany({ where: { id: message.id, providerMessageId: null }, data: { providerMessageId: payload.id } });
  }

  const change = statusChange(type, payload, event.data.occurred_at);
  // The life cycle only moves forward: a late or repeated receipt finds the row past it.
  const moved = await moveMessage(db, message.id, change.status, change.data);
  if (!moved) return { result: "unchanged", messageId: message.id, status: message.status };
  return { result: "applied", messageId: message.id, status: change.status, optedOutByCarrier: change.optedOutByCarrier };
}

async function findMessage(db: DbOrTx, payload: Payload, hint: string | null) {
  const select = { id: true, status: true, providerMessageId: true, toNumber: true } as const;
  const byProviderId = await db.message.findFirst({ where: { providerMessageId: payload.id, direction: "outbound" }, select });
  if (byProviderId || !hint) return byProviderId;
  const hinted = await db.message.findFirst({ where: { id: hint, direction: "outbound" }, select });
  if (!hinted || (hinted.providerMessageId !== null && hinted.providerMessageId !== payload.id)) return null;
  // The hint comes from a signed payload, but a recipient that disagrees means it is not ours.
  const to = payload.to?.[0]?.phone_number;
  if (to && to !== hinted.toNumber) return null;
  return hinted;
}

function statusChange(type: "message.sent" | "message.finalized", payload: Payload, occurredAt: string | undefined) {
  const parts = {
    ...(payload.cost?.amount != null ? { cost: String(payload.cost.amount) } : {}),
    ...(payload.parts ? { segments: payload.parts } : {}),
    ...(payload.encoding ? { encoding: payload.encoding } : {}),
  };
  const sentAt = timeOf(payload.sent_at) ?? (type === "message.sent" ? timeOf(occurredAt) : undefined);
  // message.sent carries to[].status "sent" (or even "queued" in the OpenAPI example): the
  // event type says what happened. message.finalized carries the final word in to[].status.
  const final = type === "message.finalized" ? payload.to?.[0]?.status ?? null : null;

  if (final === "delivered") {
    const deliveredAt = timeOf(payload.completed_at) ?? timeOf(occurredAt);
    const data = { sentAt, deliveredAt, errorCode: null, errorDetail: null, ...parts };
    return { status: "delivered" as const, data, optedOutByCarrier: false };
  }
  if (final === "delivery_failed" || final === "sending_failed") {
    const first = payload.errors?.[0];
    const entry = first
      ? { code: textOf(first.code), title: textOf(first.title), detail: textOf(first.detail) }
      : null;
    const errorDetail = [entry?.title, entry?.detail].filter(Boolean).join(": ") || final;
    const data = { sentAt, errorCode: entry?.code ?? final, errorDetail, ...parts };
    return { status: "failed" as const, data, optedOutByCarrier: isBlockedByStop(entry) };
  }
  // message.sent, or a final "delivery_unconfirmed": the carrier took it and said no more.
  const unconfirmed = final === "delivery_unconfirmed";
  const data = {
    sentAt,
    errorCode: null,
    errorDetail: unconfirmed ? "Delivery unconfirmed: the carrier sent no receipt" : null,
    ...parts,
  };
  return { status: "sent" as const, data, optedOutByCarrier: false };
}

function timeOf(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

function textOf(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}
