// campaign-codes: a campaign's discount and its recipients' codes (see campaign-codes.server.ts).
import { z } from "zod";
import { CAMPAIGN_CODES_JOB, issueCampaignCodes } from "~/marketing/campaign-codes.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ campaignId: z.string() });

export function campaignCodesJob(deps: MessagingDeps) {
  return defineJob({
    kind: CAMPAIGN_CODES_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => issueCampaignCodes(ctx, payload.campaignId, deps),
  });
}
