// Test on a share, then the winner to the rest (decision 032): the rest arm waits (awaiting_winner) until
// winnerAfterHours after the test share's first texts. Then the variant the report names the
// winner (a significant difference in conversion) goes to all of the rest; with no winner the
// rest is split by the variants' weights, so no one is left without the campaign.
import type { AppContext } from "~/context.server";
import { inTransaction } from "~/context.server";
import { engineOf, sqlBuildersOf } from "~/db.server";
import { enqueueJobs, JOB_PRIORITY } from "~/jobs/queue.server";
import { armShares, armSql, AWAITING_WINNER } from "./campaign-arms";
import { campaignReport } from "./campaign-report.server";
import { enqueueCampaignSends } from "./campaign-sending.server";

export const CHOOSE_WINNER_JOB = "choose-campaign-winner";
const HOUR_MS = 3_600_000;
const RUNNING = ["scheduled", "sending", "sent"];

/** At launch: the choice, due winnerAfterHours after the test share's first due time. */
export function enqueueWinnerChoice(ctx: AppContext, campaign: { id: string; shopId: string; winnerAfterHours: number }, firstDue: Date) {
  return enqueueJobs(ctx, [
    {
      kind: CHOOSE_WINNER_JOB,
      payload: { campaignId: campaign.id },
      runAt: new Date(firstDue.getTime() + campaign.winnerAfterHours * HOUR_MS),
      shopId: campaign.shopId,
      priority: JOB_PRIORITY.marketing,
      dedupeKey: `${CHOOSE_WINNER_JOB}:${campaign.id}`,
    },
  ]);
}

/** Names the winner once and hands the rest to the send jobs; a cancelled campaign sends no more. */
export async function chooseWinner(ctx: AppContext, campaignId: string): Promise<{ winner: string | null } | null> {
  return inTransaction(ctx, async (tx) => {
    const campaign = await tx.db.campaign.findUnique({ where: { id: campaignId }, include: { variants: { orderBy: { name: "asc" } } } });
    if (!campaign || campaign.winnerDecidedAt || !RUNNING.includes(campaign.status)) return null;
    const report = await campaignReport(tx, campaign.shopId, campaignId);
    const winner = report?.lift.winner ?? null;
    const builders = sqlBuildersOf(tx.db);
    const { sql } = builders;
    // Hashed with another key than the test's arms, which put every one of these in the rest.
    const split = armSql(`${campaignId}:rest`, armShares(0, campaign.variants).slice(1), builders, engineOf(tx.db));
    const arm = winner
      ? sql`${winner}`
      : sql`COALESCE((SELECT ${split} FROM "Contact" c WHERE c."id" = "CampaignRecipient"."contactId"), ${campaign.variants[0]!.name})`;
    const due = await tx.db.$queryRaw<{ sendAt: Date }[]>(sql`
      UPDATE "CampaignRecipient" SET "arm" = ${arm}, "status" = 'pending'
      WHERE "campaignId" = ${campaignId} AND "status" = ${AWAITING_WINNER}
      RETURNING "sendAt"`);
    const waiting = await tx.db.campaignRecipient.count({ where: { campaignId, status: "pending" } });
    await tx.db.campaign.update({ where: { id: campaignId }, data: { winnerVariant: winner, winnerDecidedAt: tx.clock.now(), status: waiting > 0 ? "sending" : "sent" } });
    const times = [...new Set(due.map((row) => new Date(row.sendAt).getTime()))].map((time) => new Date(time));
    await enqueueCampaignSends(tx, campaign, times);
    return { winner };
  });
}
