// The shop's Shopify history, imported with a bulk operation at install and again on demand:
// customers with their SMS marketing consent, order figures and tags (DESIGN §8). A HistoryImport
// row follows each run, and one job drives it: start the operation, then poll it through the job
// queue (Shopify documents polling `node(id:)`), then read the JSONL file and apply it.
//
// Applying is safe to repeat: contacts are found by phone and their figures set to Shopify's, and
// a subscribed customer's consent goes through the same import as the CSV and the API
// (importSubscribers), so opted-out and suppressed numbers stay as they are, only once for
// the same consent (Shopify's consentUpdatedAt). Shopify's unsubscribes are not replayed here:
// customers_marketing_consent/update brings changes as they happen.
import { inTransaction, type AppContext } from "~/context.server";
import { enqueueJob, JOB_PRIORITY, RetryJobAfter } from "~/jobs/queue.server";
import type { ShopifyAdminGraphql } from "./shopify-sms-consent.server";
import { customerHistoryReader } from "./shopify-history-jsonl";
import { applyCustomerHistory, type HistoryCounts } from "./shopify-history-apply.server";

export const IMPORT_SHOPIFY_HISTORY_JOB = "import-shopify-history";

const MIN_POLL_MS = 5_000;
const MAX_POLL_MS = 5 * 60_000;
/** Another bulk query of the app still runs (Shopify allows one per shop in 2025-10). */
const BUSY_RETRY_MS = 60_000;

export interface HistoryImportDeps {
  admin: (shopDomain: string) => Promise<ShopifyAdminGraphql>;
  /** Downloads the operation's file: Shopify's own fetch, so the sandbox answers it too. */
  download: (url: string) => Promise<Response>;
  suppressionHashKey: string;
}

export const HISTORY_QUERY = `#graphql
  {
    customers {
      edges {
        node {
          id
          firstName
          lastName
          tags
          numberOfOrders
          amountSpent { amount }
          defaultPhoneNumber { phoneNumber }
          defaultEmailAddress { emailAddress }
          smsMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt consentCollectedFrom }
          orders { edges { node { id createdAt } } }
        }
      }
    }
  }`;

const RUN_BULK_QUERY = `#graphql
  mutation StartHistoryImport($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field code message }
    }
  }`;

const BULK_OPERATION = `#graphql
  query HistoryImportStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode url objectCount } }
  }`;

/**
 * Starts an import for the shop, or returns the one already running (one bulk query at a time).
 * Runs in the caller's transaction when `ctx.db` is one.
 */
export async function startHistoryImport(ctx: AppContext, shopId: string) {
  return inTransaction(ctx, async (tx) => {
    const running = await tx.db.historyImport.findFirst({ where: { shopId, status: "running" }, orderBy: { createdAt: "desc" } });
    if (running) return running;
    const now = tx.clock.now();
    const started = await tx.db.historyImport.create({ data: { shopId, createdAt: now, updatedAt: now } });
    await enqueueJob(tx, { kind: IMPORT_SHOPIFY_HISTORY_JOB, payload: { importId: started.id }, shopId, dedupeKey: `${IMPORT_SHOPIFY_HISTORY_JOB}:${started.id}`, priority: JOB_PRIORITY.maintenance });
    return started;
  });
}

export interface HistoryImportSummary {
  status: "running" | "completed" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  counts: HistoryCounts | null;
  error: string | null;
}

/** The shop's latest import, for the Subscribers page. */
export async function latestHistoryImport(ctx: AppContext, shopId: string): Promise<HistoryImportSummary | null> {
  const latest = await ctx.db.historyImport.findFirst({ where: { shopId }, orderBy: { createdAt: "desc" } });
  if (!latest) return null;
  return {
    status: latest.status as HistoryImportSummary["status"],
    startedAt: latest.createdAt,
    finishedAt: latest.finishedAt,
    counts: latest.counts ? (JSON.parse(latest.counts) as HistoryCounts) : null,
    error: latest.error,
  };
}

/**
 * One step of an import: start the bulk operation, or look at it, or read and apply its file.
 * Throws RetryJobAfter to be run again while Shopify works.
 */
export async function continueHistoryImport(ctx: AppContext, importId: string, deps: HistoryImportDeps): Promise<void> {
  const run = await ctx.db.historyImport.findUnique({ where: { id: importId }, include: { shop: { select: { domain: true, uninstalledAt: true } } } });
  if (!run || run.status !== "running") return;
  if (run.shop.uninstalledAt) return failHistoryImport(ctx, importId, "The shop uninstalled the app");
  const admin = await deps.admin(run.shop.domain);
  if (!run.operationId) {
    const started = await graphql<{ bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { code: string | null; message: string }[] } }>(admin, RUN_BULK_QUERY, { query: HISTORY_QUERY });
    const { bulkOperation, userErrors } = started.bulkOperationRunQuery;
    if (userErrors.some((e) => e.code === "OPERATION_IN_PROGRESS")) throw new RetryJobAfter(BUSY_RETRY_MS, userErrors[0]!.message);
    if (!bulkOperation) return failHistoryImport(ctx, importId, `Shopify refused the bulk query: ${userErrors.map((e) => e.message).join("; ")}`);
    await ctx.db.historyImport.update({ where: { id: importId }, data: { operationId: bulkOperation.id, updatedAt: ctx.clock.now() } });
    throw new RetryJobAfter(pollDelayMs(ctx, run.createdAt), `Bulk operation ${bulkOperation.id} started`);
  }
  const { node: operation } = await graphql<{ node: { status: string; errorCode: string | null; url: string | null } | null }>(admin, BULK_OPERATION, { id: run.operationId });
  if (!operation) return failHistoryImport(ctx, importId, `Shopify has no bulk operation ${run.operationId}`);
  if (operation.status === "CREATED" || operation.status === "RUNNING") {
    throw new RetryJobAfter(pollDelayMs(ctx, run.createdAt), `Bulk operation ${operation.status.toLowerCase()}`);
  }
  if (operation.status !== "COMPLETED") {
    return failHistoryImport(ctx, importId, `Shopify's bulk operation ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}`);
  }
  const reader = customerHistoryReader();
  // No url: the query matched nothing (a shop without customers).
  if (operation.url) await readLines(await deps.download(operation.url), reader.add);
  const counts = await applyCustomerHistory(ctx, { shopId: run.shopId, suppressionHashKey: deps.suppressionHashKey }, reader.customers());
  const now = ctx.clock.now();
  await ctx.db.historyImport.update({
    where: { id: importId },
    data: { status: "completed", finishedAt: now, updatedAt: now, counts: JSON.stringify({ ...counts, malformedLines: reader.malformed() }) },
  });
}

/** Marks a running import failed with its reason (the last failed attempt of its job, too). */
export async function failHistoryImport(ctx: AppContext, importId: string, error: string) {
  const now = ctx.clock.now();
  await ctx.db.historyImport.updateMany({ where: { id: importId, status: "running" }, data: { status: "failed", finishedAt: now, updatedAt: now, error: error.slice(0, 2_000) } });
}

// Soon at first, since a small shop's operation takes seconds, then less often as it runs long.
function pollDelayMs(ctx: AppContext, startedAt: Date) {
  const elapsed = ctx.clock.now().getTime() - startedAt.getTime();
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, Math.round(elapsed / 10)));
}

async function graphql<T>(admin: ShopifyAdminGraphql, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await admin.graphql(query, { variables });
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status}`);
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`Shopify refused the request: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

// The file line by line as it arrives, so a large shop's file is never held whole.
async function readLines(response: Response, onLine: (line: string) => void) {
  if (!response.ok || !response.body) throw new Error(`The bulk operation's file answered HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop()!;
    lines.forEach(onLine);
  }
  onLine(rest + decoder.decode());
}
