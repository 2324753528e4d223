// What each figure of a campaign report means, shown beside it (API and page alike). The report
// computes exactly this from stored rows; docs/decisions/028 says why each choice was made.

/** Orders count for a campaign when placed within this many days after its last scheduled text. */
export const ORDER_WINDOW_DAYS = 5;

export const CAMPAIGN_REPORT_DEFINITIONS = {
  window:
    `Orders and opt-outs count from the campaign's launch to ${ORDER_WINDOW_DAYS} days after its last scheduled text, ` +
    "the same stretch of time for every arm, holdout included, so what the season or the weekday does cancels out.",
  recipients:
    "Contacts frozen into the arm at launch. Every one counts in the arm's rates, whether or not their text was sent (skipped, cancelled), " +
    "because the holdout, which gets nothing, counts every one of its members too.",
  sent: "Recipients whose text was handed to Telnyx and has not failed.",
  delivered: "Recipients whose text the carrier reported delivered.",
  clicks: "Clicks so far on the tracked links in the recipients' texts, repeat clicks included.",
  replies: "Recipients who texted back a message marked with this campaign. STOP and other opt-out words are opt-outs, not replies.",
  optOuts: "Recipients who withdrew marketing consent in the window (a STOP reply, a carrier opt-out, a change in Shopify or by your team). The holdout's figure is the rate without a text.",
  orders: "Orders of the recipients placed in the window, whatever led to them.",
  revenue: "The total of those orders.",
  conversionRate: "Recipients with at least one order in the window, divided by the arm's recipients, with its 95 % interval (Wilson's).",
  cost: "What the recipients' texts cost: Telnyx's reported price where it has reported one, otherwise the segments times your price at sending.",
  incrementalRevenue:
    "Treated revenue per recipient minus holdout revenue per recipient, times the treated recipients: the revenue the texts brought that would not have come anyway. " +
    "Its 95 % interval comes from the spread of revenue per recipient in each arm; an interval that spans 0 means the campaign's effect is not yet told apart from chance.",
  winner:
    "A variant is named only when its conversion rate is higher than every other variant's and each difference is significant " +
    "(a two-proportion z-test at 5 %, shared among all pairs of variants).",
} as const;

export type CampaignReportFigure = keyof typeof CAMPAIGN_REPORT_DEFINITIONS;
