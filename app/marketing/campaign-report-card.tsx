// A campaign's report: every figure per arm (each variant and the holdout), with what it counts
// written under it, as the dashboard does; then the lift over the holdout and the winner, named
// only when the difference is significant, and with a test share what the rest was sent.
import { Badge, BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { formatCount, formatMoney, formatPercent } from "~/analytics/figure-format";
import type { ArmReport, CampaignReport } from "./campaign-report.server";
import type { CampaignReportFigure } from "./campaign-report-definitions";
import type { CampaignPage } from "./campaign-page.server";

type Interval = [number, number] | null;

const rate = (value: number | null, interval: Interval) =>
  interval ? `${formatPercent(value)} (${formatPercent(interval[0])}–${formatPercent(interval[1])})` : formatPercent(value);

const ROWS: { figure: CampaignReportFigure; label: string; value: (arm: ArmReport, currency: string) => string }[] = [
  { figure: "recipients", label: "Recipients", value: (arm) => formatCount(arm.recipients) },
  { figure: "sent", label: "Sent", value: (arm) => formatCount(arm.sent) },
  { figure: "delivered", label: "Delivered", value: (arm) => formatCount(arm.delivered) },
  { figure: "clicks", label: "Clicks", value: (arm) => formatCount(arm.clicks) },
  { figure: "replies", label: "Replies", value: (arm) => formatCount(arm.replies) },
  { figure: "optOuts", label: "Opt-outs", value: (arm) => formatCount(arm.optOuts) },
  { figure: "orders", label: "Orders", value: (arm) => formatCount(arm.orders) },
  { figure: "revenue", label: "Revenue", value: (arm, currency) => formatMoney(arm.revenue, currency) },
  { figure: "conversionRate", label: "Conversion rate (95 % interval)", value: (arm) => rate(arm.conversionRate, arm.interval) },
  { figure: "cost", label: "Cost", value: (arm, currency) => formatMoney(arm.cost, currency) },
];

const armTitle = (name: string) => (name === "holdout" ? "Holdout" : `Variant ${name}`);

type ReportProps = Pick<CampaignReport, "arms" | "lift" | "definitions" | "currency"> & Pick<CampaignPage, "test" | "winner">;

function sentToRest({ test, winner }: Pick<CampaignPage, "test" | "winner">) {
  if (!test) return null;
  if (!winner) return `Not chosen yet: the rest is sent the winner ${test.winnerAfterHours} h after the test share's first texts.`;
  return winner.variant ? `Variant ${winner.variant} was sent to the rest.` : "No variant won: the rest got the split.";
}

export function CampaignReportCard({ arms, lift, definitions, currency, test, winner }: ReportProps) {
  const rest = sentToRest({ test, winner });
  const columns = `minmax(10rem, 2fr) ${arms.map(() => "minmax(6rem, 1fr)").join(" ")}`;
  const money = (amount: number | null) => (amount === null ? "—" : formatMoney(amount, currency));
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Report
        </Text>
        <Text as="p" tone="subdued">
          {definitions.window}
        </Text>
        <InlineGrid columns={columns} gap="200">
          <span />
          {arms.map((arm) => (
            <Text as="span" key={arm.name} variant="headingSm" alignment="end">
              {armTitle(arm.name)}
            </Text>
          ))}
        </InlineGrid>
        {ROWS.map(({ figure, label, value }) => (
          <BlockStack gap="100" key={figure}>
            <InlineGrid columns={columns} gap="200">
              <Text as="span" fontWeight="semibold">
                {label}
              </Text>
              {arms.map((arm) => (
                <Text as="span" key={arm.name} alignment="end" numeric>
                  <span data-testid={`report-${figure}-${arm.name}`}>{value(arm, currency)}</span>
                </Text>
              ))}
            </InlineGrid>
            <Text as="p" variant="bodySm" tone="subdued">
              {definitions[figure]}
            </Text>
          </BlockStack>
        ))}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Incremental revenue
          </Text>
          <Text as="p" variant="headingLg">
            <span data-testid="report-incremental-revenue">
              {money(lift.incrementalRevenue)}
              {lift.interval && ` (${money(lift.interval[0])} to ${money(lift.interval[1])})`}
            </span>{" "}
            {lift.incrementalRevenue !== null && <Badge tone={lift.significant ? "success" : undefined}>{lift.significant ? "Significant" : "Not significant yet"}</Badge>}
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            {definitions.incrementalRevenue}
          </Text>
        </BlockStack>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Winner
          </Text>
          <Text as="p">
            <span data-testid="report-winner">{lift.winner ? `Variant ${lift.winner}` : "No winner"}</span>: {lift.winnerReason}
          </Text>
          {rest && (
            <Text as="p">
              <span data-testid="report-sent-to-rest">{rest}</span>
            </Text>
          )}
          <Text as="p" variant="bodySm" tone="subdued">
            {definitions.winner}
          </Text>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
