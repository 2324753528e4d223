// The dashboard's figures, each with the rule that produced it written underneath: a merchant
// who doubts a number can see what was counted.
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { DashboardFigures } from "./dashboard.server";
import { REPLY_WINDOW_DAYS } from "./dashboard-definitions";
import { formatCount, formatDuration, formatMoney, formatPercent } from "./figure-format";

function Figure({ label, value, definition }: { label: string; value: string; definition: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingXl">
        {value}
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        {definition}
      </Text>
    </BlockStack>
  );
}

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;
const days = (n: number) => plural(n, "day", "days");
const hours = (n: number) => plural(n, "hour", "hours");

export function attributionRule({ clickWindowDays, textWindowHours }: DashboardFigures["attribution"]) {
  return `Orders placed within ${days(clickWindowDays)} of a click on a recovery link, or within ${hours(textWindowHours)} of a recovery text.`;
}

export function RecoveryCard({ figures }: { figures: DashboardFigures }) {
  const { currency } = figures;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Cart recovery
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
          <Figure label="Recovered revenue" value={formatMoney(figures.recoveredRevenue, currency)} definition={attributionRule(figures.attribution)} />
          <Figure label="Orders recovered" value={formatCount(figures.ordersRecovered)} definition="Orders that count toward recovered revenue." />
          <Figure
            label="Recovery rate"
            value={formatPercent(figures.recoveryRate)}
            definition={`Of the ${plural(figures.checkoutsAbandoned, "checkout", "checkouts")} abandoned in this period, the share that ended in a recovered order (${formatCount(figures.abandonedCheckoutsRecovered)} so far).`}
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

export function TextingCard({ figures }: { figures: DashboardFigures }) {
  const texted = plural(figures.contactsTexted, "shopper", "shoppers");
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Texts and replies
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
          <Figure label="Texts sent" value={formatCount(figures.textsSent)} definition="Every text handed to Telnyx in this period, replies from your team included. Failed texts don't count." />
          <Figure label="Spend" value={formatMoney(figures.spend, figures.currency)} definition="What those texts cost: segments times the price per segment." />
          <Figure label="Return on spend" value={formatPercent(figures.roi)} definition="Recovered revenue minus spend, divided by spend. Shown as — until there is spend." />
          <Figure
            label="Reply rate"
            value={formatPercent(figures.replyRate)}
            definition={`Of the ${texted} sent an automated text, the share who texted back within ${days(REPLY_WINDOW_DAYS)}. STOP is not a reply.`}
          />
          <Figure
            label="Opt-out rate"
            value={formatPercent(figures.optOutRate)}
            definition={`${plural(figures.contactsOptedOut, "phone", "phones")} opted out in this period, divided by the ${texted} sent an automated text.`}
          />
          <Figure
            label="Median first response time"
            value={formatDuration(figures.medianFirstResponseMs)}
            definition={`From a shopper's text to your team's first reply, over ${plural(figures.staffFirstResponses, "reply", "replies")}. Automated answers don't count.`}
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

export function NewSubscribersCard({ figures }: { figures: DashboardFigures }) {
  const { form, keyword, checkout, import: imported, other, total } = figures.newSubscribers;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          New subscribers: {formatCount(total)}
        </Text>
        <InlineGrid columns={{ xs: 2, sm: 5 }} gap="400">
          <Figure label="Sign-up form" value={formatCount(form)} definition="Typed into the storefront form and confirmed with a Y." />
          <Figure label="Keyword" value={formatCount(keyword)} definition="Texted JOIN or one of your keywords." />
          <Figure label="Checkout" value={formatCount(checkout)} definition="Ticked the SMS box at checkout." />
          <Figure
            label="Import"
            value={formatCount(imported.csv + imported.shopify + imported.api)}
            definition={`CSV ${formatCount(imported.csv)}, Shopify ${formatCount(imported.shopify)}, API ${formatCount(imported.api)}.`}
          />
          <Figure label="Other" value={formatCount(other)} definition="Added by your team or by a Shopify sync." />
        </InlineGrid>
        <Text as="p" variant="bodySm" tone="subdued">
          Phones whose first marketing consent was given in this period, each counted once under where it came from. Someone who opted out and came back is not new.
        </Text>
      </BlockStack>
    </Card>
  );
}
