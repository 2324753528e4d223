// The last check before a text leaves, made after its number's send slot has come and right
// before the request to Telnyx: the sender gate decides once more and the message moves out of
// queued or held, in one transaction whose first statement takes the contact's row. A STOP
// writes that row in the transaction that commits the opt-out, and every other text to the
// shopper claims it the same way, so an opt-out and a send, or two sends against one frequency
// cap, are decided one after the other on both engines (PostgreSQL: the row lock; SQLite: one
// writer at a time, taken by that first write).
import { inTransaction, type AppContext } from "../context.server";
import { PermanentJobError } from "../jobs/queue.server";
import { decideText, type GateSecrets } from "./sender-gate.server";
import type { GateDecision } from "./gate-reasons";
import type { TextPurpose } from "./text-purpose";

export type SendClaim = { claimed: true } | { claimed: false; status: string; decision?: GateDecision };

const WAITING = ["queued", "held"];

export async function claimForSending(
  ctx: AppContext,
  message: { id: string; contactId: string | null },
  fromNumber: string,
  secrets: GateSecrets,
): Promise<SendClaim> {
  const { contactId } = message;
  if (!contactId) throw new PermanentJobError(`Message ${message.id} has no recipient contact to check`);
  return inTransaction(ctx, async (tx) => {
    await tx.db.$executeRaw`UPDATE "Contact" SET "updatedAt" = "updatedAt" WHERE "id" = ${contactId}`;
    const current = await tx.db.message.findUniqueOrThrow({ where: { id: message.id }, include: { shop: true, contact: true } });
    if (!WAITING.includes(current.status) || !current.contact) return { claimed: false, status: current.status };
    const decision = await decideText(
      tx,
      {
        shop: current.shop,
        contact: current.contact,
        purpose: current.purpose as TextPurpose,
        segments: current.segments,
        requestedAt: current.occurredAt,
      },
      secrets,
    );
    const now = ctx.clock.now();
    if (decision.verdict === "send") {
      await tx.db.message.update({
        where: { id: current.id },
        data: { status: "sending", sendAttemptedAt: now, fromNumber, errorCode: null, errorDetail: null, holdReason: null, holdUntil: null },
      });
      return { claimed: true };
    }
    const status = decision.verdict === "hold" ? "held" : "refused";
    await tx.db.message.update({
      where: { id: current.id },
      data: { status, holdReason: JSON.stringify(decision.reason), holdUntil: decision.verdict === "hold" ? decision.until : null },
    });
    return { claimed: false, status, decision };
  });
}
