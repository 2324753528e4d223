// Every outbound text starts here, automated or typed by a person: it becomes a Message row
// with the gate's verdict (queued, held until a time, or refused with a reason) and, unless
// refused, a send-text job. The job asks the gate again just before the text leaves.
import type { AppContext } from "~/context.server";
import type { Prisma } from "../../prisma/generated/sqlite/index.js";
import { cancelJobs, enqueueJob, JOB_PRIORITY } from "~/jobs/queue.server";
import { decideText, type GateSecrets } from "./sender-gate.server";
import type { GateReason } from "./gate-reasons";
import { measureText, estimateCost } from "./segments";
import type { TextPurpose } from "./text-purpose";
import { composeBody } from "./compose-body";
import { initialStatus, moveMessages, WAITING_TO_SEND } from "./message-lifecycle.server";
import { openConversationFor } from "~/conversations/threads.server";
import { findOrCreateContact } from "~/conversations/contacts.server";

export interface TextRequest {
  shopId: string;
  to: string;
  body: string;
  purpose: TextPurpose;
  flow?: string;
  flowStep?: number;
  /** The first text of a flow opens with the brand name. */
  firstInFlow?: boolean;
  checkoutId?: string;
  /** Staff member who typed it; absent for automation. */
  sentBy?: string;
}

export const SEND_TEXT_JOB = "send-text";

// Who is waiting decides who goes first: the shopper who texted STOP or HELP, then the one in
// a conversation, then order updates, then marketing.
const SEND_PRIORITY: Record<TextPurpose, number> = {
  opt_out_reply: JOB_PRIORITY.optOut,
  compliance: JOB_PRIORITY.optOut,
  conversational: JOB_PRIORITY.conversation,
  transactional: JOB_PRIORITY.transactional,
  marketing: JOB_PRIORITY.marketing,
};

export async function requestText(ctx: AppContext, request: TextRequest, secrets: GateSecrets) {
  const { db } = ctx;
  const now = ctx.clock.now();
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId } });
  const contact = await findOrCreateContact(ctx, shop.id, request.to);
  const body = composeBody(request.body, request.purpose, shop.brandName ?? shop.name, Boolean(request.firstInFlow));
  const { segments, encoding } = measureText(body);
  const decision = await decideText(ctx, { shop, contact, purpose: request.purpose, segments, requestedAt: now }, secrets);
  const conversation = await openConversationFor(ctx, { shopId: shop.id, contactId: contact.id, at: now });

  const message = await db.message.create({
    data: {
      shopId: shop.id,
      contactId: contact.id,
      conversationId: conversation.id,
      direction: "outbound",
      purpose: request.purpose,
      body,
      fromNumber: shop.sendingNumber ?? "",
      toNumber: contact.phone,
      status: initialStatus(decision),
      holdReason: decision.verdict === "send" ? null : JSON.stringify(decision.reason),
      holdUntil: decision.verdict === "hold" ? decision.until : null,
      segments,
      encoding,
      cost: estimateCost(segments, Number(shop.costPerSegment)),
      flow: request.flow,
      flowStep: request.flowStep,
      checkoutId: request.checkoutId,
      sentBy: request.sentBy,
      occurredAt: now,
    },
  });
  if (decision.verdict !== "refuse") {
    await enqueueJob(ctx, {
      kind: SEND_TEXT_JOB,
      payload: { messageId: message.id },
      runAt: decision.verdict === "hold" ? decision.until : now,
      shopId: shop.id,
      priority: SEND_PRIORITY[request.purpose],
      dedupeKey: `${SEND_TEXT_JOB}:${message.id}`,
    });
    await db.conversation.update({
      where: { id: conversation.id },
      data: { lastMessageAt: now, lastMessagePreview: body.slice(0, 160) },
    });
  }
  return message;
}

/**
 * Cancels outbound texts that have not left yet (queued or held) and their send jobs, in the
 * caller's transaction: the cause (a STOP, an order) and the cancel commit together. The
 * send-text job also skips a cancelled text, should it already be running.
 */
export async function cancelPendingTexts(ctx: AppContext, where: Prisma.MessageWhereInput, reason: "opted_out" | "ordered") {
  const pending = await ctx.db.message.findMany({
    where: { ...where, direction: "outbound", status: { in: [...WAITING_TO_SEND] } },
    select: { id: true },
  });
  if (pending.length === 0) return 0;
  const ids = pending.map((m) => m.id);
  await moveMessages(ctx.db, {
    where: { id: { in: ids } },
    from: WAITING_TO_SEND,
    to: "cancelled",
    data: { holdReason: JSON.stringify({ code: reason } satisfies GateReason), holdUntil: null },
  });
  const jobs = await ctx.db.job.findMany({ where: { dedupeKey: { in: ids.map((id) => `${SEND_TEXT_JOB}:${id}`) } }, select: { id: true } });
  await cancelJobs(ctx, { ids: jobs.map((job) => job.id) }, reason);
  return ids.length;
}
