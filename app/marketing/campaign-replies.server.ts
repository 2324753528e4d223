// A shopper's text within five days of a campaign's text to them answers that campaign: it is
// stored with the campaign's id, so the campaign's replies (and a STOP among them) can be
// counted, while it lands in the inbox thread like any other text.
import type { AppContext } from "~/context.server";
import { SENT_STATUSES } from "~/analytics/dashboard.server";

export const REPLY_WINDOW_DAYS = 5;
const DAY_MS = 86_400_000;

/** The campaign whose text the contact last got within the window, or null. */
export async function campaignRepliedTo(ctx: AppContext, contactId: string, at: Date): Promise<string | null> {
  const latest = await ctx.db.message.findFirst({
    where: {
      contactId,
      direction: "outbound",
      campaignId: { not: null },
      status: { in: SENT_STATUSES },
      sendAttemptedAt: { gte: new Date(at.getTime() - REPLY_WINDOW_DAYS * DAY_MS), lte: at },
    },
    orderBy: { sendAttemptedAt: "desc" },
    select: { campaignId: true },
  });
  return latest?.campaignId ?? null;
}
