// "Record once": every verified delivery becomes one WebhookEvent row keyed by the source's
// own id, with the ingest-webhook job that applies it; a repeat of the same id is recognised by
// the unique constraint (ON CONFLICT DO NOTHING, so a unique violation elsewhere stays an
// error) and acted on no more.
import { randomUUID } from "node:crypto";
import { inTransaction, type AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf } from "~/db.server";
import { DEFAULT_MAX_ATTEMPTS, JOB_PRIORITY } from "~/jobs/queue.server";
import { JOBS_CHANNEL } from "~/jobs/job-signals.server";
import { recordIntakeOptOuts, type IntakeOptOut } from "~/compliance/intake-opt-outs.server";

export interface WebhookDelivery {
  source: "shopify" | "telnyx";
  externalId: string;
  topic: string;
  shopDomain?: string;
  payload: string;
  /** Telnyx status webhooks name our message in their URL (see statusWebhookUrl). */
  messageIdHint?: string;
  /** An inbound STOP: recorded in the consent ledger with the delivery, before the 200. */
  optOut?: IntakeOptOut;
}

export type IngestJobPayload = Pick<WebhookDelivery, "source" | "externalId" | "messageIdHint">;

export const INGEST_WEBHOOK_JOB = "ingest-webhook";

export const ingestJobKey = (source: string, externalId: string) => `${INGEST_WEBHOOK_JOB}:${source}:${externalId}`;

interface Waiting {
  delivery: WebhookDelivery;
  settle: (result: { firstDelivery: boolean } | Error) => void;
}

export interface DeliveryRecorder {
  /** Resolves once the delivery and its ingest job are committed. */
  record(delivery: WebhookDelivery): Promise<{ firstDelivery: boolean }>;
}

/**
 * Group commit: each delivery is recorded with an ingest job, and deliveries that arrive while
 * a commit is in flight share the next one (two statements for the whole group). A commit per
 * delivery would make the database's write lock, not the work, the limit on intake.
 */
export function createDeliveryRecorder(ctx: AppContext, options: { maxGroup?: number; onCommitted?: () => void } = {}): DeliveryRecorder {
  const maxGroup = options.maxGroup ?? 100;
  let waiting: Waiting[] = [];
  let committing = false;

  async function commit(group: Waiting[]) {
    const recorded = await commitGroup(ctx, group.map((w) => w.delivery));
    const seen = new Set<string>();
    for (const { delivery, settle } of group) {
      const key = keyOf(delivery);
      settle({ firstDelivery: recorded.has(key) && !seen.has(key) });
      seen.add(key);
    }
    options.onCommitted?.();
  }

  async function commitWaiting() {
    committing = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      try {
        await commit(group);
      } catch (error) {
        // One delivery the database refuses must not fail its neighbours: each goes alone.
        if (group.length === 1) group[0].settle(error as Error);
        else for (const one of group) await commit([one]).catch((alone: Error) => one.settle(alone));
      }
    }
    committing = false;
  }

  return {
    record(delivery) {
      return new Promise((resolve, reject) => {
        waiting.push({ delivery, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
        // The first arrival waits one turn of the event loop so that its neighbours can join.
        if (!committing && waiting.length === 1) setImmediate(() => void commitWaiting());
      });
    },
  };
}

/** The keys ("source:externalId") of the deliveries that were new. */
async function commitGroup(ctx: AppContext, deliveries: WebhookDelivery[]): Promise<Set<string>> {
  const { events, jobs } = groupStatements(ctx, deliveries);
  const optOuts = deliveries.filter((d) => d.optOut);
  if (optOuts.length === 0) {
    const [inserted] = await ctx.db.$transaction([ctx.db.$queryRaw<NewEvent[]>(events), ctx.db.$executeRaw(jobs), ...wakeWorkers(ctx.db)]);
    return keysOf(inserted);
  }
  // STOPs are applied for first deliveries only, so this group needs to see what was new.
  return inTransaction(ctx, async (txCtx) => {
    const recorded = keysOf(await txCtx.db.$queryRaw<NewEvent[]>(events));
    await txCtx.db.$executeRaw(jobs);
    for (const wake of wakeWorkers(txCtx.db)) await wake;
    const fresh = new Map(optOuts.filter((d) => recorded.has(keyOf(d))).map((d) => [keyOf(d), d.optOut!]));
    await recordIntakeOptOuts(txCtx, ctx.db, [...fresh.values()]);
    return recorded;
  });
}

// Worker processes other than this one learn of the jobs from PostgreSQL, which delivers a
// NOTIFY when the transaction commits. (This process's own worker is woken by onCommitted.)
const wakeWorkers = (db: AppContext["db"]) => (engineOf(db) === "postgresql" ? [db.$executeRawUnsafe(`NOTIFY ${JOBS_CHANNEL}`)] : []);

// Telnyx deliveries are shoppers' texts and receipts of what we sent, so they go before the
// shop's own records.
const priorityOf = (d: WebhookDelivery) => (d.source === "telnyx" ? JOB_PRIORITY.conversation : JOB_PRIORITY.transactional);

type NewEvent = Pick<WebhookDelivery, "source" | "externalId">;
const keyOf = (d: NewEvent) => `${d.source}:${d.externalId}`;
const keysOf = (rows: NewEvent[]) => new Set(rows.map(keyOf));

function groupStatements(ctx: AppContext, deliveries: WebhookDelivery[]) {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  const events = deliveries.map(
    (d) => sql`(${randomUUID()}, ${now}, ${now}, (SELECT "id" FROM "Shop" WHERE "domain" = ${d.shopDomain ?? null}),
                ${d.source}, ${d.externalId}, ${d.topic}, ${d.shopDomain ?? null}, ${d.payload}, ${now})`,
  );
  // A repeat's job key is taken by the first delivery's job, so it adds no job either.
  const jobs = deliveries.map((d) => {
    const payload: IngestJobPayload = { source: d.source, externalId: d.externalId, messageIdHint: d.messageIdHint };
    return sql`(${randomUUID()}, ${now}, ${now}, NULL, ${INGEST_WEBHOOK_JOB}, ${JSON.stringify(payload)}, 'queued', ${priorityOf(d)},
                ${now}, 0, ${DEFAULT_MAX_ATTEMPTS}, ${ingestJobKey(d.source, d.externalId)})`;
  });
  return {
    events: sql`
      INSERT INTO "WebhookEvent" ("id", "createdAt", "updatedAt", "shopId", "source", "externalId",
                                  "topic", "shopDomain", "payload", "receivedAt")
      VALUES ${join(events)}
      ON CONFLICT ("source", "externalId") DO NOTHING
      RETURNING "source", "externalId"`,
    jobs: sql`
      INSERT INTO "Job" ("id", "createdAt", "updatedAt", "shopId", "kind", "payload", "status", "priority",
                         "runAt", "attempts", "maxAttempts", "dedupeKey")
      VALUES ${join(jobs)}
      ON CONFLICT ("dedupeKey") DO NOTHING`,
  };
}
