// A STOP is in the consent ledger before Telnyx gets its 200: the intake records the revocation
// and rewrites the contact's consent columns in the transaction that records the delivery, for
// every STOP of the group at once. What else a STOP does (the message in its thread, cancelled
// texts and flows, the one confirmation, the write-back to Shopify) follows in the delivery's
// ingest job, which finds the revocation already recorded (see keyword-actions.server.ts).
//
// The columns written are what deriveConsentState makes of a keyword revocation that is the
// ledger's latest event: no marketing, no transactional consent, opted out since the earliest
// opt-out still standing.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.server";
import { sqlBuildersOf } from "../db.server";

export interface IntakeOptOut {
  /** The shop's number the STOP was sent to. */
  to: string;
  /** The shopper's phone (E.164). */
  from: string;
  text: string;
  providerMessageId: string;
  /** When Telnyx received it; null for the app's clock. */
  receivedAt: Date | null;
}

/** The ledger's evidence for a keyword: the inbound message it came in. */
export const keywordEvidence = (providerMessageId: string) => `telnyx message ${providerMessageId}`;

/** The revocation the intake recorded for this inbound message, if it did. */
export function intakeOptOutFor({ db }: AppContext, contactId: string, providerMessageId: string) {
  return db.consentEvent.findFirst({
    where: { contactId, granted: false, source: "keyword", evidence: keywordEvidence(providerMessageId) },
    select: { id: true },
  });
}

/** Runs inside the group's transaction: `txCtx.db` is its client, `root` the client it came from. */
export async function recordIntakeOptOuts(txCtx: AppContext, root: AppContext["db"], optOuts: IntakeOptOut[]) {
  if (optOuts.length === 0) return;
  const { db } = txCtx;
  const now = txCtx.clock.now();
  const shops = await db.shop.findMany({
    where: { sendingNumber: { in: [...new Set(optOuts.map((o) => o.to))] }, uninstalledAt: null },
    select: { id: true, sendingNumber: true },
  });
  const shopOf = new Map(shops.map((s) => [s.sendingNumber, s.id]));
  const known = optOuts.flatMap((o) => (shopOf.has(o.to) ? [{ ...o, shopId: shopOf.get(o.to)! }] : []));
  if (known.length === 0) return;

  const { sql, join } = sqlBuildersOf(root);
  await db.$executeRaw`
    INSERT INTO "Contact" ("id", "createdAt", "updatedAt", "shopId", "phone")
    VALUES ${join(known.map((o) => sql`(${randomUUID()}, ${now}, ${now}, ${o.shopId}, ${o.from})`))}
    ON CONFLICT ("shopId", "phone") DO NOTHING`;
  // Raw, like the inserts: with a burst's worth of STOPs the ORM's query building for this
  // lookup and for the ledger rows cost more than the statements (a group commit blocks every
  // request waiting on the event loop while it runs).
  const contacts = await db.$queryRaw<{ id: string; shopId: string; phone: string }[]>`
    SELECT "id", "shopId", "phone" FROM "Contact"
    WHERE ${join(known.map((o) => sql`("shopId" = ${o.shopId} AND "phone" = ${o.from})`), " OR ")}`;
  const contactOf = new Map(contacts.map((c) => [`${c.shopId}:${c.phone}`, c.id]));
  const latest = await db.consentEvent.groupBy({
    by: ["contactId"],
    where: { contactId: { in: contacts.map((c) => c.id) } },
    _max: { occurredAt: true },
  });
  const latestOf = new Map(latest.map((l) => [l.contactId, l._max.occurredAt]));

  // At the time the shopper sent it, but never before an event already recorded: a STOP applied
  // late (a retried delivery) must not slip under a later START. The shopper's grants are what
  // go back to their own time (recordConsentEvent), so a late JOIN stays before this STOP.
  const occurredAt = new Map<string, Date>();
  const firstOptOut = new Map<string, Date>();
  const revocations = known.map((o) => {
    const contactId = contactOf.get(`${o.shopId}:${o.from}`)!;
    const sent = o.receivedAt ?? now;
    const after = occurredAt.get(contactId) ?? latestOf.get(contactId);
    const at = after && after >= sent ? new Date(after.getTime() + 1) : sent;
    occurredAt.set(contactId, at);
    if (!firstOptOut.has(contactId)) firstOptOut.set(contactId, at);
    return sql`(${randomUUID()}, ${now}, ${now}, ${o.shopId}, ${contactId}, ${o.from}, 'marketing', ${false}, 'keyword',
                ${o.text}, ${keywordEvidence(o.providerMessageId)}, ${at})`;
  });
  await db.$executeRaw`
    INSERT INTO "ConsentEvent" ("id", "createdAt", "updatedAt", "shopId", "contactId", "phone", "scope", "granted",
                                "source", "text", "evidence", "occurredAt")
    VALUES ${join(revocations)}`;
  const byTime = new Map<number, string[]>();
  for (const [contactId, at] of firstOptOut) byTime.set(at.getTime(), [...(byTime.get(at.getTime()) ?? []), contactId]);
  for (const [at, ids] of byTime) {
    await db.contact.updateMany({ where: { id: { in: ids }, optedOutAt: null }, data: { optedOutAt: new Date(at) } });
  }
  await db.contact.updateMany({
    where: { id: { in: [...occurredAt.keys()] } },
    data: { marketingConsent: false, transactionalConsent: false, updatedAt: now },
  });
}
