// campaign-send: one batch of a campaign's due recipients (see campaign-sending.server.ts).
import { z } from "zod";
import { CAMPAIGN_SEND_JOB, sendDueRecipients } from "~/marketing/campaign-sending.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ campaignId: z.string() });

export function campaignSendJob(deps: MessagingDeps) {
  return defineJob({
    kind: CAMPAIGN_SEND_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: async (ctx, payload) => {
      await sendDueRecipients(ctx, payload.campaignId, deps);
    },
  });
}
