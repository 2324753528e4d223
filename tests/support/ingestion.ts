// A webhook's effects follow its acknowledgement: the ingest-webhook job applies them. A test
// that looks at the shop's records right after a 200 waits for that job first, as a shopper
// would wait for the reply.
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "~/db.server";

let recordsDb: Db | undefined;
afterAll(() => recordsDb?.$disconnect());

/**
 * Until the delivery's ingest job has run. A sandbox without a worker runs due jobs when its
 * clock is moved, so the clock is moved by nothing; with a worker, the worker runs it.
 */
export async function waitUntilIngested(appUrl: string, source: "shopify" | "telnyx", externalId: string, timeoutMs = 20_000) {
  recordsDb ??= createDb(inject("databaseUrl"));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await fetch(`${appUrl}/sandbox/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ advanceMinutes: 0 }) });
    const event = await recordsDb.webhookEvent.findUnique({ where: { source_externalId: { source, externalId } } });
    const job = await recordsDb.job.findUnique({ where: { dedupeKey: `ingest-webhook:${source}:${externalId}` } });
    // Erased by a redaction, processed, or given up on (the test then sees what is missing).
    if (!event || event.processedAt || job?.status === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Webhook ${source} ${externalId} was acknowledged but not ingested within ${timeoutMs} ms`);
}
