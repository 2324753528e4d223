// Every outbound text starts here, automated or typed by a person: it becomes a Message row
// with the gate's verdict (queued, held until a time, or refused with a reason) and, unless
// refused, a send-text job. The job asks the gate again just before the text leaves.
import type { AppContext } from "~/context.server";
import type { Message, Prisma } from "../../prisma/generated/sqlite/index.js";
import { randomUUID } from "node:crypto";
import { cancelJobs, enqueueJobs, JOB_PRIORITY } from "~/jobs/queue.server";
import { decideTexts, type GateSecrets } from "./sender-gate.server";
import type { GateReason } from "./gate-reasons";
import { measureText, estimateCost } from "./segments";
import type { TextPurpose } from "./text-purpose";
import { composeBody } from "./compose-body";
import { mediaFor } from "./mms";
import { countNewTexts, initialStatus, moveMessages, WAITING_TO_SEND } from "./message-lifecycle.server";
import { openConversationsFor, touchConversations } from "~/conversations/threads.server";
import { findOrCreateContacts } from "~/conversations/contacts.server";

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
  campaignId?: string;
  /** A campaign text's arm (its recipient's). */
  campaignArm?: string;
  /** Staff member who typed it; absent for automation. */
  sentBy?: string;
  /** Images: the text goes as MMS where the number takes it (mms.ts), as SMS without them elsewhere. */
  mediaUrls?: string[];
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
  const [message] = await requestTexts(ctx, [request], secrets);
  return message!;
}

/**
 * requestText for many texts, of any shops, with the same few statements however many there
 * are: the recipients, the gate's verdicts (decided in order, see decideTexts), the threads,
 * the messages and their send jobs. Messages in the order of the requests.
 */
export async function requestTexts(ctx: AppContext, requests: TextRequest[], secrets: GateSecrets): Promise<Message[]> {
  if (requests.length === 0) return [];
  const { db } = ctx;
  const now = ctx.clock.now();
  const shopIds = [...new Set(requests.map((r) => r.shopId))];
  const shops = new Map((await db.shop.findMany({ where: { id: { in: shopIds } } })).map((shop) => [shop.id, shop]));
  const missing = shopIds.find((id) => !shops.has(id));
  if (missing) throw new Error(`No shop ${missing}`);
  const contactIds = new Map<string, string>();
  for (const shopId of shopIds) {
    const phones = [...new Set(requests.filter((r) => r.shopId === shopId).map((r) => r.to))];
    const found = await findOrCreateContacts(ctx, shopId, phones.map((phone) => ({ phone, firstName: null, email: null, shopifyCustomerId: null })));
    for (const [phone, contact] of found) contactIds.set(`${shopId}:${phone}`, contact.id);
  }
  const contacts = new Map((await db.contact.findMany({ where: { id: { in: [...new Set(contactIds.values())] } } })).map((c) => [c.id, c]));
  const texts = requests.map((request) => {
    const shop = shops.get(request.shopId)!;
    const contact = contacts.get(contactIds.get(`${shop.id}:${request.to}`)!)!;
    const body = composeBody(request.body, request.purpose, shop.brandName ?? shop.name, Boolean(request.firstInFlow));
    const media = mediaFor(contact.phone, request.mediaUrls);
    const measure = measureText(body);
    // An MMS travels as one message whatever its length, at the shop's price per MMS.
    if (media.length > 0) return { request, shop, contact, body, media, ...measure, segments: 1, cost: Number(shop.costPerMms) };
    return { request, shop, contact, body, media, ...measure, cost: estimateCost(measure.segments, Number(shop.costPerSegment)) };
  });
  const decisions = await decideTexts(ctx, texts.map(({ shop, contact, request, segments }) => ({ shop, contact, purpose: request.purpose, segments, requestedAt: now })), secrets);
  const conversations = await openConversationsFor(ctx, texts.map(({ shop, contact }) => ({ shopId: shop.id, contactId: contact.id })), now);

  const ids = texts.map(() => randomUUID());
  const created = await db.message.createManyAndReturn({
    data: texts.map(({ request, shop, contact, body, media, segments, encoding, cost }, i) => {
      const decision = decisions[i]!;
      return {
        id: ids[i]!,
        shopId: shop.id,
        contactId: contact.id,
        conversationId: conversations[i]!.id,
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
        cost,
        mediaUrls: JSON.stringify(media),
        flow: request.flow,
        flowStep: request.flowStep,
        checkoutId: request.checkoutId,
        campaignId: request.campaignId,
        campaignArm: request.campaignArm,
        sentBy: request.sentBy,
        occurredAt: now,
      };
    }),
  });
  countNewTexts(created);
  const byId = new Map(created.map((message) => [message.id, message]));
  const messages = ids.map((id) => byId.get(id)!);
  const sendable = texts.flatMap((text, i) => (decisions[i]!.verdict === "refuse" ? [] : [{ ...text, decision: decisions[i]!, message: messages[i]!, conversation: conversations[i]! }]));
  await enqueueJobs(
    ctx,
    sendable.map(({ decision, message, shop, request }) => ({
      kind: SEND_TEXT_JOB,
      payload: { messageId: message.id },
      runAt: decision.verdict === "hold" ? decision.until : now,
      shopId: shop.id,
      priority: SEND_PRIORITY[request.purpose],
      dedupeKey: `${SEND_TEXT_JOB}:${message.id}`,
    })),
  );
  await touchConversations(ctx, sendable.map(({ conversation, body }) => ({ id: conversation.id, preview: body.slice(0, 160) })), now);
  return messages;
}

/**
 * Cancels outbound texts that have not left yet (queued or held) and their send jobs, in the
 * caller's transaction: the cause (a STOP, an order) and the cancel commit together. The
 * send-text job also skips a cancelled text, should it already be running.
 */
export async function cancelPendingTexts(ctx: AppContext, where: Prisma.MessageWhereInput, reason: "opted_out" | "ordered" | "campaign_cancelled") {
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
