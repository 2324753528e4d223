// choose-campaign-winner: a test share's winner goes to the rest (see campaign-winner.server.ts).
import { z } from "zod";
import { chooseWinner, CHOOSE_WINNER_JOB } from "~/marketing/campaign-winner.server";
import { defineJob } from "./registry.server";

const Payload = z.object({ campaignId: z.string() });

export const chooseCampaignWinnerJob = defineJob({
  kind: CHOOSE_WINNER_JOB,
  parsePayload: (raw) => Payload.parse(raw),
  run: async (ctx, payload) => {
    await chooseWinner(ctx, payload.campaignId);
  },
});
