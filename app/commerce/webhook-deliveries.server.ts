// "Record once": every verified delivery becomes one WebhookEvent row keyed by the source's
// own id; a repeat of the same id is recognised by the unique constraint and acted on no more.
import { randomUUID } from "node:crypto";
import { inTransaction, type AppContext } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import { DEFAULT_MAX_ATTEMPTS } from "~/jobs/queue.server";

export interface WebhookDelivery {
  source: "shopify" | "telnyx";
  externalId: string;
  topic: string;
  shopDomain?: string;
  payload: string;
}

export const INGEST_WEBHOOK_JOB = "ingest-webhook";

export const ingestJobKey = (source: string, externalId: string) => `${INGEST_WEBHOOK_JOB}:${source}:${externalId}`;

/**
 * Records the delivery and does its immediate work in one transaction, so a delivery is never
 * recorded without its effect nor acted on twice. ON CONFLICT DO NOTHING rather than a caught
 * unique violation: a repeat simply inserts nothing (PostgreSQL waits for a racing insert to
 * commit first), and a unique violation inside the work stays an error instead of passing
 * for a duplicate.
 */
export async function recordOnceAnd(
  ctx: AppContext,
  delivery: WebhookDelivery,
  work: (txCtx: AppContext) => Promise<void>,
): Promise<{ firstDelivery: boolean }> {
  const now = ctx.clock.now();
  return inTransaction(ctx, async (txCtx) => {
    const inserted = await txCtx.db.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "createdAt", "updatedAt", "shopId", "source", "externalId",
                                  "topic", "shopDomain", "payload", "receivedAt")
      VALUES (${randomUUID()}, ${now}, ${now}, (SELECT "id" FROM "Shop" WHERE "domain" = ${delivery.shopDomain ?? null}),
              ${delivery.source}, ${delivery.externalId}, ${delivery.topic}, ${delivery.shopDomain ?? null},
              ${delivery.payload}, ${now})
      ON CONFLICT ("source", "externalId") DO NOTHING`;
    if (inserted === 0) return { firstDelivery: false };
    await work(txCtx);
    return { firstDelivery: true };
  });
}

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
      const key = `${delivery.source}:${delivery.externalId}`;
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
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  const events = deliveries.map(
    (d) => sql`(${randomUUID()}, ${now}, ${now}, (SELECT "id" FROM "Shop" WHERE "domain" = ${d.shopDomain ?? null}),
                ${d.source}, ${d.externalId}, ${d.topic}, ${d.shopDomain ?? null}, ${d.payload}, ${now})`,
  );
  // A repeat's job key is taken by the first delivery's job, so it adds no job either.
  const jobs = deliveries.map(
    (d) => sql`(${randomUUID()}, ${now}, ${now}, NULL, ${INGEST_WEBHOOK_JOB},
                ${JSON.stringify({ source: d.source, externalId: d.externalId })}, 'queued', ${now}, 0,
                ${DEFAULT_MAX_ATTEMPTS}, ${ingestJobKey(d.source, d.externalId)})`,
  );
  const [inserted] = await ctx.db.$transaction([
    ctx.db.$queryRaw<{ source: string; externalId: string }[]>`
      INSERT INTO "WebhookEvent" ("id", "createdAt", "updatedAt", "shopId", "source", "externalId",
                                  "topic", "shopDomain", "payload", "receivedAt")
      VALUES ${join(events)}
      ON CONFLICT ("source", "externalId") DO NOTHING
      RETURNING "source", "externalId"`,
    ctx.db.$executeRaw`
      INSERT INTO "Job" ("id", "createdAt", "updatedAt", "shopId", "kind", "payload", "status",
                         "runAt", "attempts", "maxAttempts", "dedupeKey")
      VALUES ${join(jobs)}
      ON CONFLICT ("dedupeKey") DO NOTHING`,
  ]);
  return new Set(inserted.map((row) => `${row.source}:${row.externalId}`));
}
