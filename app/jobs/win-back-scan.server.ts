// win-back-scan: one shop's daily look for lapsed customers (app/flows/win-back).
import { z } from "zod";
import { runWinBackScan, WIN_BACK_SCAN_JOB } from "~/flows/win-back/win-back.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ shopId: z.string() });

export function winBackScanJob(deps: MessagingDeps) {
  return defineJob({
    kind: WIN_BACK_SCAN_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => runWinBackScan(ctx, payload.shopId, deps),
  });
}
