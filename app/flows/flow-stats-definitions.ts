// What each figure of a lifecycle flow's stats means, shown beside it on the Flows page. The
// stats compute exactly this from stored rows (flow-stats.server.ts).

/** An order counts for a flow when its shopper places it within this many days of entering it. */
export const FLOW_ORDER_WINDOW_DAYS = 7;
/** The stats cover shoppers who entered the flow within this many days. */
export const FLOW_STATS_PERIOD_DAYS = 90;

export const FLOW_STATS_DEFINITIONS = {
  entered: `Shoppers who entered the flow in the last ${FLOW_STATS_PERIOD_DAYS} days and were not held out.`,
  heldOut: "Shoppers who were eligible but held out: recorded, sent nothing, and counted the same way as the others.",
  sent: "Texts of the flow handed to Telnyx that have not failed.",
  replies: `Shoppers who texted back within ${FLOW_ORDER_WINDOW_DAYS} days of entering the flow.`,
  orders: `Orders placed within ${FLOW_ORDER_WINDOW_DAYS} days of entering the flow, whatever led to them.`,
  revenue: "The total of those orders.",
  optOutRate: `Shoppers who opted out (STOP, or the carrier) within ${FLOW_ORDER_WINDOW_DAYS} days of entering the flow, divided by those who entered.`,
  spend: "What the flow's texts cost: Telnyx's reported price where it has one, otherwise segments (or the MMS) at your price.",
  incrementalRevenue:
    "Revenue per shopper who entered minus revenue per held-out shopper, times those who entered: the revenue the flow brought that would not have come anyway, " +
    "with its 95 % interval. An interval that spans 0 means the effect is not yet told apart from chance. Needs a holdout.",
} as const;
