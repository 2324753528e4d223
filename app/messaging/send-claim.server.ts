// The last check before texts leave, made once their number's send slots are near and right
// before the requests to Telnyx: the sender gate decides once more and the messages move out of
// queued or held, in one transaction whose first statement locks the recipients' contact rows.
// A STOP writes that row in the transaction that commits the opt-out, and every other text to
// the shopper claims it the same way, so an opt-out and a send, or two sends against one
// frequency cap, are decided one after the other on both engines (PostgreSQL: the row locks,
// taken in id order so two claims never deadlock; SQLite: one writer at a time, taken by that
// first write). A whole wave of texts costs the same few statements as one.
import { inTransaction, type AppContext } from "../context.server";
import { rowsWithIds } from "../db.server";
import { lockContacts } from "../conversations/contacts.server";
import { decideTexts, type GateSecrets } from "./sender-gate.server";
import type { GateDecision } from "./gate-reasons";
import { moveMessagesWithIds, WAITING_TO_SEND } from "./message-lifecycle.server";
import type { TextPurpose } from "./text-purpose";

export type SendClaim = { claimed: true } | { claimed: false; status: string; decision?: GateDecision };

export interface ClaimRequest {
  shopId: string;
  /** The number the texts will leave from. */
  fromNumber: string;
  messages: { id: string; contactId: string }[];
}

/**
 * Claims for sending every message the gate lets go now, of one shop or of several at once;
 * the others are held or refused.
 */
export async function claimForSending(ctx: AppContext, requests: ClaimRequest[], secrets: GateSecrets): Promise<Map<string, SendClaim>> {
  const messages = requests.flatMap((request) => request.messages.map((m) => ({ ...m, shopId: request.shopId })));
  return inTransaction(ctx, async (tx) => {
    const contacts = new Map((await lockContacts(tx.db, [...new Set(messages.map((m) => m.contactId))].sort())).map((c) => [c.id, c]));
    // The shops as they are now: one that lost its Telnyx key or number is refused by the gate.
    const shops = new Map((await rowsWithIds(tx.db, "Shop", requests.map((r) => r.shopId))).map((shop) => [shop.id, shop]));
    const shopOfMessage = new Map(messages.map((m) => [m.id, m.shopId]));
    const current = (await rowsWithIds(tx.db, "Message", [...shopOfMessage.keys()])).filter((m) => shopOfMessage.get(m.id) === m.shopId);
    const claims = new Map<string, SendClaim>(current.map((m) => [m.id, { claimed: false, status: m.status }]));
    const waiting = current.filter((m) => WAITING_TO_SEND.includes(m.status as never) && m.contactId && contacts.has(m.contactId) && shops.has(m.shopId));
    const decisions = await decideTexts(
      tx,
      waiting.map((m) => ({ shop: shops.get(m.shopId)!, contact: contacts.get(m.contactId!)!, purpose: m.purpose as TextPurpose, segments: m.segments, requestedAt: m.occurredAt })),
      secrets,
    );
    const now = ctx.clock.now();
    // Texts leave from the number they were queued with unless the shop has changed it since:
    // those of every shop go in one statement, the others with their new number.
    const fromNumberOf = new Map(requests.map((r) => [r.shopId, r.fromNumber]));
    const going = new Map<string | null, string[]>();
    waiting.forEach((m, i) => {
      if (decisions[i]!.verdict !== "send") return;
      const fromNumber = fromNumberOf.get(m.shopId)!;
      const key = m.fromNumber === fromNumber ? null : fromNumber;
      going.set(key, [...(going.get(key) ?? []), m.id]);
    });
    for (const [fromNumber, ids] of going) {
      const claimed = await moveMessagesWithIds(tx.db, ids, {
        from: WAITING_TO_SEND,
        to: "sending",
        data: { sendAttemptedAt: now, ...(fromNumber ? { fromNumber } : {}), errorCode: null, errorDetail: null, holdReason: null, holdUntil: null },
        at: now,
      });
      for (const id of claimed) claims.set(id, { claimed: true });
    }
    // Held and refused texts that share a reason are moved together.
    const stopped = new Map<string, { decision: Exclude<GateDecision, { verdict: "send" }>; ids: string[] }>();
    waiting.forEach((m, i) => {
      const decision = decisions[i]!;
      if (decision.verdict === "send") return;
      const key = JSON.stringify(decision);
      stopped.set(key, { decision, ids: [...(stopped.get(key)?.ids ?? []), m.id] });
    });
    for (const { decision, ids: stoppedIds } of stopped.values()) {
      const to = decision.verdict === "hold" ? "held" : "refused";
      const data = { holdReason: JSON.stringify(decision.reason), holdUntil: decision.verdict === "hold" ? decision.until : null };
      for (const id of await moveMessagesWithIds(tx.db, stoppedIds, { from: WAITING_TO_SEND, to, data, at: now })) {
        claims.set(id, { claimed: false, status: to, decision });
      }
    }
    return claims;
  });
}
