// import-shopify-history: drives one history import (app/commerce/shopify-history-import.server.ts)
// step by step, polling Shopify's bulk operation by running again later. When its last attempt
// fails, the import is marked failed with that error, so the Subscribers page says why.
import { z } from "zod";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { continueHistoryImport, failHistoryImport, IMPORT_SHOPIFY_HISTORY_JOB } from "~/commerce/shopify-history-import.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";
import { PermanentJobError, RetryJobAfter } from "./queue.server";

const Payload = z.object({ importId: z.string() });

export function importShopifyHistoryJob(deps: Pick<MessagingDeps, "shopifyAdmin" | "secrets">) {
  return defineJob({
    kind: IMPORT_SHOPIFY_HISTORY_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    async run(ctx, { importId }, job) {
      try {
        const admin = deps.shopifyAdmin;
        if (!admin) throw new PermanentJobError("No Shopify Admin client is configured (MessagingDeps.shopifyAdmin)");
        await continueHistoryImport(ctx, importId, {
          admin,
          // The fetch Shopify's library uses: the real one in production, the Admin double's in the sandbox.
          download: (url) => abstractFetch(url),
          suppressionHashKey: deps.secrets.suppressionHashKey,
        });
      } catch (error) {
        const last = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
        if (!(error instanceof RetryJobAfter) && last) await failHistoryImport(ctx, importId, error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
  });
}
