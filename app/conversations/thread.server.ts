// One thread as the merchant sees it: every message with its delivery state and, for a text
// that did not leave, why; the shopper's consent and local time; their cart and latest order.
import type { AppContext } from "~/context.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { describeGateReason, describeReplyTiming, type GateReason } from "~/messaging/gate-reasons";
import { latestShippingAddress, replyTiming } from "~/messaging/sender-gate.server";
import { cartSummary } from "~/flows/cart-recovery/recovery-text";
import type { CartLine } from "~/commerce/checkout-payload";
import { webUrl } from "~/web-url";
import { stopWelcome } from "~/flows/welcome/welcome-schedule.server";
import { handoffLabel } from "./routing/answer";

const MESSAGES_SHOWN = 500;

export interface ThreadNote {
  at: string;
  by: string;
  text: string;
}

export async function loadThread(ctx: AppContext, { shopId, conversationId }: { shopId: string; conversationId: string }) {
  const { db } = ctx;
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, shopId }, include: { contact: true, shop: true } });
  if (!conversation) return null;
  const { contact, shop } = conversation;
  const [recent, consent, checkout, order, zones] = await Promise.all([
    db.message.findMany({ where: { conversationId, shopId }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: MESSAGES_SHOWN }),
    db.consentEvent.findMany({ where: { shopId, contactId: contact.id }, orderBy: { occurredAt: "desc" }, take: 50 }),
    db.checkout.findFirst({ where: { shopId, contactId: contact.id }, orderBy: { shopifyUpdatedAt: "desc" } }),
    db.order.findFirst({ where: { shopId, contactId: contact.id }, orderBy: { placedAt: "desc" }, include: { shipments: true } }),
    recipientTimeZones({ phone: contact.phone, shippingAddress: await latestShippingAddress(ctx, contact), shopTimeZone: shop.ianaTimezone }),
  ]);
  if (conversation.unread) await db.conversation.update({ where: { id: conversation.id }, data: { unread: false } });
  const timeZone = zones.zones[0];
  const reply = describeReplyTiming(await replyTiming(ctx, shop, contact), ctx.clock.now(), timeZone);
  return {
    conversation: {
      id: conversation.id,
      state: conversation.state,
      assignedTo: conversation.assignedTo,
      handoff: handoffLabel(conversation.handoffReason),
      notes: JSON.parse(conversation.notes) as ThreadNote[],
    },
    contact: {
      name: [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null,
      phone: contact.phone,
      email: contact.email,
      marketingConsent: contact.marketingConsent,
      transactionalConsent: contact.transactionalConsent,
      optedOutAt: contact.optedOutAt?.toISOString() ?? null,
      timeZone,
      localTime: new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", weekday: "short" }).format(ctx.clock.now()),
    },
    consentHistory: consent.map((e) => ({ at: e.occurredAt.toISOString(), scope: e.scope, granted: e.granted, source: e.source, text: e.text })),
    messages: recent.reverse().map((m) => ({
      id: m.id,
      direction: m.direction,
      body: m.body,
      status: m.status,
      at: m.occurredAt.toISOString(),
      reason: m.holdReason ? describeGateReason(JSON.parse(m.holdReason) as GateReason) : null,
      error: m.errorCode ? `${m.errorCode}${m.errorDetail ? `: ${m.errorDetail}` : ""}` : null,
      segments: m.segments,
      /** The images an MMS carried. */
      media: JSON.parse(m.mediaUrls) as string[],
      sentBy: m.sentBy,
      automated: m.direction === "outbound" && !m.sentBy,
    })),
    cart: checkout && {
      summary: cartSummary(JSON.parse(checkout.lineItems) as CartLine[]),
      total: Number(checkout.totalPrice),
      currency: checkout.currency,
      recoveryStatus: checkout.recoveryStatus,
      completed: Boolean(checkout.completedAt),
    },
    order: order && {
      name: order.name,
      total: Number(order.totalPrice),
      currency: order.currency,
      financialStatus: order.financialStatus,
      fulfillmentStatus: order.fulfillmentStatus,
      shipments: order.shipments.map((s) => ({ status: s.shipmentStatus ?? s.status, company: s.trackingCompany, number: s.trackingNumber, url: webUrl(s.trackingUrl) })),
    },
    costPerSegment: Number(shop.costPerSegment),
    currency: shop.currency,
    /** When a reply typed now would leave (the 24-hour conversation window, else sending hours). */
    replyTiming: reply,
  };
}
export type Thread = NonNullable<Awaited<ReturnType<typeof loadThread>>>;

export type ThreadChange =
  | { intent: "close" }
  | { intent: "reopen" }
  | { intent: "assign"; assignee: string | null }
  | { intent: "note"; text: string };

/** Applies a merchant's change to a thread of their shop; false when there is no such thread. */
export async function changeThread(ctx: AppContext, input: { shopId: string; conversationId: string; staffUserId: string; change: ThreadChange }) {
  const { db } = ctx;
  const conversation = await db.conversation.findFirst({ where: { id: input.conversationId, shopId: input.shopId } });
  if (!conversation) return false;
  const data = threadUpdate(conversation, input.change, { by: input.staffUserId, at: ctx.clock.now() });
  await db.conversation.update({ where: { id: conversation.id }, data });
  // A person taking the thread stops the automated series texting into it.
  if (data.takenOverAt && !conversation.takenOverAt) await stopWelcome(ctx, conversation.contactId, "with_person");
  return true;
}

function threadUpdate(
  conversation: { takenOverAt: Date | null; notes: string },
  change: ThreadChange,
  { by, at }: { by: string; at: Date },
) {
  switch (change.intent) {
    case "close":
      // Closing hands the thread back to automation.
      return { state: "closed", unread: false, takenOverAt: null, handoffReason: null };
    case "reopen":
      return { state: "open" };
    case "assign":
      return { assignedTo: change.assignee, takenOverAt: change.assignee ? (conversation.takenOverAt ?? at) : conversation.takenOverAt };
    case "note":
      return { notes: JSON.stringify([...(JSON.parse(conversation.notes) as ThreadNote[]), { at: at.toISOString(), by, text: change.text }]) };
  }
}
