// The consent ledger: every grant and revocation is an append-only ConsentEvent (kept ≥ 4 years,
// exportable), and the contact's consent columns are a cache of replaying it. Both are written
// in one transaction, and the replay is the one pure function below, so the gate's one-row read
// always agrees with the record a regulator or carrier would ask for.
//
// The rules of the replay:
// - An opt-out revokes everything: a revocation by the shopper's own keyword (STOP), by the
//   carrier (Telnyx blocked the number after a STOP), or of transactional consent, which
//   marketing consent includes. It sets optedOutAt and clears both scopes.
// - Any other revocation (admin, Shopify sync, checkout) withdraws marketing only.
// - A grant of marketing grants transactional too; a grant clears an opt-out.
// - Except: after a STOP only the shopper can opt back in (START, UNSTOP, YES, JOIN — source
//   "keyword", or the carrier reporting one). The carrier keeps blocking the number until they
//   do, and a late Shopify sync or an admin must not re-subscribe someone who said STOP. Such
//   grants are still recorded — they are evidence — but change nothing.
import type { ConsentEvent, Contact } from "../../prisma/generated/sqlite/index.js";
import { inTransaction, type AppContext } from "../context.server";
import type { Db, Prisma } from "../db.server";
import { lockContacts } from "../conversations/contacts.server";
import { roundsBy } from "../rounds";
import { enqueueJobs, type EnqueueJobInput } from "../jobs/queue.server";
import { CONFIRMATION_LEAD_MS, startsWelcome, welcomeStepJob } from "../flows/welcome/welcome-schedule.server";

/** The app's client or the client of a `$transaction` the caller has open. */
export type DbOrTx = Db | Prisma.TransactionClient;
export type ConsentScope = "marketing" | "transactional";
// api and csv_import: subscribers brought from outside with another system's evidence (app/marketing);
// shopify_import: SMS consent Shopify held for a customer, read by the history import (app/commerce);
// signup_form: the storefront sign-up form, confirmed by the shopper's Y (app/flows/sign-up).
export type ConsentSource = "checkout" | "keyword" | "admin" | "shopify_sync" | "carrier" | "api" | "csv_import" | "shopify_import" | "signup_form";
export const CONSENT_SCOPES: readonly ConsentScope[] = ["marketing", "transactional"];
export const CONSENT_SOURCES: readonly ConsentSource[] = ["checkout", "keyword", "admin", "shopify_sync", "carrier", "api", "csv_import", "shopify_import", "signup_form"];

export interface ConsentEventInput {
  shopId: string;
  /** E.164. Must be the contact's phone when contactId is given. */
  phone: string;
  /** Without it the contact is found (or created) by shop and phone. */
  contactId?: string;
  scope: ConsentScope;
  granted: boolean;
  source: ConsentSource;
  /** The exact disclosure shown, or the shopper's message, word for word. */
  text: string;
  /** Anything that proves it: a provider message id, an IP, a checkout token (objects as JSON). */
  evidence?: string | Record<string, unknown> | null;
  /**
   * When the shopper said it, for a keyword. A grant is replayed there, however late it is
   * applied, so a JOIN sent before a STOP stays before it; a revocation never goes before an
   * event already recorded. Without it the event follows every other.
   */
  at?: Date;
  /**
   * A grant that turns marketing on starts the welcome series: by default when the shopper opted
   * in themselves (a keyword, checkout, the sign-up form); an import says so explicitly.
   */
  welcome?: boolean;
}

export interface ConsentState {
  marketingConsent: boolean;
  transactionalConsent: boolean;
  optedOutAt: Date | null;
  /** Who opted the phone out (null when not opted out), which decides who may opt it back in. */
  optedOutBy: ConsentSource | null;
  /** Where the marketing consent in force came from (keyword, checkout, an import…); null without it. */
  consentSource: string | null;
}

type LedgerEntry = Pick<ConsentEvent, "scope" | "granted" | "source" | "occurredAt">;

const SHOPPER_SOURCES = new Set<string>(["keyword", "carrier"]);

/** The consent a ledger adds up to, replaying its events oldest first (ties keep their order). */
export function deriveConsentState(events: readonly LedgerEntry[]): ConsentState {
  const state: ConsentState = { marketingConsent: false, transactionalConsent: false, optedOutAt: null, optedOutBy: null, consentSource: null };
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const event of ordered) {
    if (!event.granted) {
      if (event.scope === "transactional" || SHOPPER_SOURCES.has(event.source)) {
        state.marketingConsent = false;
        state.consentSource = null;
        state.transactionalConsent = false;
        if (!state.optedOutAt) state.optedOutAt = event.occurredAt;
        // A STOP outranks an admin's opt-out: from then on only the shopper can undo it.
        if (!state.optedOutBy || SHOPPER_SOURCES.has(event.source)) state.optedOutBy = event.source as ConsentSource;
      } else if (event.scope === "marketing") {
        state.marketingConsent = false;
        state.consentSource = null;
      }
      continue;
    }
    if (event.scope !== "marketing" && event.scope !== "transactional") continue;
    if (state.optedOutBy && SHOPPER_SOURCES.has(state.optedOutBy) && !SHOPPER_SOURCES.has(event.source)) continue;
    state.optedOutAt = null;
    state.optedOutBy = null;
    state.transactionalConsent = true;
    if (event.scope === "marketing") {
      state.marketingConsent = true;
      state.consentSource = event.source;
    }
  }
  return state;
}

export interface RecordedConsent {
  event: ConsentEvent;
  contact: Contact;
  state: ConsentState;
}

/**
 * Appends one event and rewrites the contact's consent columns from the whole ledger, in one
 * transaction: the caller's `tx` when given (a STOP commits with its inbound message), else a
 * new one. Returns the event and the contact as it now stands.
 */
export async function recordConsentEvent(ctx: AppContext, input: ConsentEventInput, tx?: DbOrTx): Promise<RecordedConsent> {
  const [recorded] = await recordConsentEvents(ctx, [input], tx);
  return recorded!;
}

/**
 * recordConsentEvent for many events, in order, with a few statements for each round of them
 * (a round holds at most one event per contact, so a contact's second event sees its first).
 */
export async function recordConsentEvents(ctx: AppContext, inputs: ConsentEventInput[], tx?: DbOrTx): Promise<RecordedConsent[]> {
  inputs.forEach(checkInput);
  if (inputs.length === 0) return [];
  return inTransaction(tx ? { ...ctx, db: tx as Db } : ctx, async ({ db }) => {
    const now = ctx.clock.now();
    const contactIds = await contactsOf(db, inputs, now);
    const recorded: RecordedConsent[] = [];
    const welcomes: EnqueueJobInput[] = [];
    for (const round of roundsBy(inputs.map((input, i) => ({ input, i, contactId: contactIds[i]! })), (entry) => entry.contactId)) {
      const ids = round.map((entry) => entry.contactId);
      const hadMarketing = new Set(
        (await db.contact.findMany({ where: { id: { in: ids }, marketingConsent: true }, select: { id: true } })).map((contact) => contact.id),
      );
      const latest = new Map(
        (await db.consentEvent.groupBy({ by: ["contactId"], where: { contactId: { in: ids } }, _max: { occurredAt: true } })).map((row) => [row.contactId, row._max.occurredAt]),
      );
      const events = await db.consentEvent.createManyAndReturn({
        data: round.map(({ input, contactId }) => ({
          shopId: input.shopId,
          contactId,
          phone: input.phone,
          scope: input.scope,
          granted: input.granted,
          source: input.source,
          text: input.text,
          evidence: typeof input.evidence === "object" && input.evidence !== null ? JSON.stringify(input.evidence) : (input.evidence ?? null),
          occurredAt: replayedAt(input, latest.get(contactId) ?? null, now),
          createdAt: now,
          updatedAt: now,
        })),
      });
      const states = await replayLedgers(db, ids, now);
      const contacts = new Map((await db.contact.findMany({ where: { id: { in: ids } } })).map((contact) => [contact.id, contact]));
      const eventOf = new Map(events.map((event) => [event.contactId, event]));
      for (const { input, i, contactId } of round) {
        recorded[i] = { event: eventOf.get(contactId)!, contact: contacts.get(contactId)!, state: states.get(contactId)! };
        const optedIn = input.granted && input.scope === "marketing" && !hadMarketing.has(contactId) && states.get(contactId)!.marketingConsent;
        if (optedIn && startsWelcome(input.source, input.welcome)) {
          welcomes.push(welcomeStepJob(input.shopId, { consentEventId: recorded[i].event.id, step: 1 }, new Date(now.getTime() + CONFIRMATION_LEAD_MS)));
        }
      }
    }
    // The welcome series starts here because only here is a new opt-in certain and atomic with its
    // record; whether the flow is on, and everything it does, is the job's (app/flows/welcome).
    await enqueueJobs({ ...ctx, db }, welcomes, db);
    return recorded;
  });
}

// Replay order is occurredAt order, so two events recorded within one clock tick (a virtual
// clock that has not moved, or a STOP and START in one millisecond) are kept a millisecond
// apart. The contacts' row locks (contactsOf) make this read-then-write safe on PostgreSQL.
function replayedAt(input: ConsentEventInput, latest: Date | null, now: Date): Date {
  const said = input.at ?? now;
  const goesBack = Boolean(input.at && input.granted);
  return latest && (goesBack ? latest.getTime() === said.getTime() : latest >= said) ? new Date(latest.getTime() + 1) : said;
}

const UPDATE_CHUNK = 500;

/** Rewrites the contacts' consent columns from their ledgers: a statement per distinct outcome (and 500 contacts). */
async function replayLedgers(db: DbOrTx, contactIds: string[], now: Date): Promise<Map<string, ConsentState>> {
  const entries = await db.consentEvent.findMany({
    where: { contactId: { in: contactIds } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { contactId: true, scope: true, granted: true, source: true, occurredAt: true },
  });
  const ledgers = new Map(contactIds.map((id): [string, typeof entries] => [id, []]));
  for (const entry of entries) ledgers.get(entry.contactId!)!.push(entry);
  const states = new Map([...ledgers].map(([id, ledger]) => [id, deriveConsentState(ledger)]));
  const alike = new Map<string, string[]>();
  for (const [id, state] of states) {
    const key = JSON.stringify([state.marketingConsent, state.transactionalConsent, state.optedOutAt, state.consentSource]);
    alike.set(key, [...(alike.get(key) ?? []), id]);
  }
  for (const ids of alike.values()) {
    const { marketingConsent, transactionalConsent, optedOutAt, consentSource } = states.get(ids[0]!)!;
    // Prisma splits a long IN list for reads, not for writes: SQLite takes 999 values at most.
    for (let i = 0; i < ids.length; i += UPDATE_CHUNK) {
      const chunk = ids.slice(i, i + UPDATE_CHUNK);
      await db.contact.updateMany({ where: { id: { in: chunk } }, data: { marketingConsent, transactionalConsent, optedOutAt, consentSource, updatedAt: now } });
    }
  }
  return states;
}

/** A contact's consent events, oldest first: the order they are replayed in. */
export function consentHistory(ctx: AppContext, where: { shopId: string; contactId: string }): Promise<ConsentEvent[]> {
  return ctx.db.consentEvent.findMany({
    where: { shopId: where.shopId, contactId: where.contactId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
}

// The contacts' rows are locked first (lockContacts), so a second event for one of them waits for this
// transaction (SQLite serializes writers anyway). The contact ids, one per input.
async function contactsOf(db: DbOrTx, inputs: ConsentEventInput[], now: Date): Promise<string[]> {
  const ids = new Map<ConsentEventInput, string>();
  for (const input of inputs.filter((input) => !input.contactId)) {
    const contact = await db.contact.upsert({
      where: { shopId_phone: { shopId: input.shopId, phone: input.phone } },
      create: { shopId: input.shopId, phone: input.phone, createdAt: now, updatedAt: now },
      update: { updatedAt: now },
    });
    ids.set(input, contact.id);
  }
  const given = inputs.filter((input) => input.contactId);
  if (given.length > 0) {
    const found = new Map((await lockContacts(db, [...new Set(given.map((input) => input.contactId!))].sort())).map((c) => [c.id, c]));
    for (const input of given) {
      const contact = found.get(input.contactId!);
      if (contact?.shopId !== input.shopId) throw new Error(`Contact ${input.contactId} does not belong to shop ${input.shopId}`);
      if (contact.phone !== input.phone) throw new Error(`Contact ${contact.id} has another phone than ${input.phone}`);
      ids.set(input, contact.id);
    }
  }
  return inputs.map((input) => ids.get(input)!);
}

function checkInput(input: ConsentEventInput) {
  if (!CONSENT_SCOPES.includes(input.scope)) throw new TypeError(`Unknown consent scope "${input.scope}"`);
  if (!CONSENT_SOURCES.includes(input.source)) throw new TypeError(`Unknown consent source "${input.source}"`);
  if (!/^\+[1-9]\d{6,14}$/.test(input.phone)) throw new TypeError(`Consent needs an E.164 phone (got "${input.phone}")`);
  if (!input.text.trim()) throw new TypeError("Consent needs the exact disclosure or message text");
}
