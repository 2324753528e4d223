// The lifecycle flows on the Flows page: each one's switch state, its headline results and the
// revenue it added over its holdout, with a link to its settings.
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { formatCount, formatMoney, formatPercent } from "~/analytics/figure-format";
import type { FlowStats } from "~/flows/flow-stats.server";
import type { LifecycleFlow } from "~/flows/enrollments.server";
import { incrementalRevenueText } from "./lifecycle-flow-fields";

const FLOWS: { flow: LifecycleFlow; title: string; what: string; url: string }[] = [
  { flow: "welcome", title: "Welcome series", what: "A question for every new subscriber, tags from the answer, and an offer if they have not ordered.", url: "/app/flows/welcome" },
  { flow: "cross_sell", title: "Cross-sell", what: "After a delivery, a product often bought with what the shopper bought.", url: "/app/flows/cross-sell" },
  { flow: "win_back", title: "Win-back", what: "One text, with an optional offer, to customers who have not ordered in a while.", url: "/app/flows/win-back" },
];

type On = Record<LifecycleFlow | "sign_up", boolean>;

const OnBadge = ({ on }: { on: boolean }) => <Badge tone={on ? "success" : undefined}>{on ? "On" : "Off"}</Badge>;

export function LifecycleFlowsCard({ on, stats, currency }: { on: On; stats: Record<LifecycleFlow, FlowStats>; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <Card>
      <BlockStack gap="400">
        {FLOWS.map(({ flow, title, what, url }) => {
          const s = stats[flow];
          return (
            <InlineStack key={flow} align="space-between" blockAlign="center" gap="300">
              <BlockStack gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">{title}</Text>
                  <OnBadge on={on[flow]} />
                </InlineStack>
                <Text as="p" tone="subdued">{what}</Text>
                <Text as="p" variant="bodySm" data-testid={`flow-summary-${flow}`}>
                  {formatCount(s.sent)} sent · {formatCount(s.replies)} replied · {formatCount(s.orders)} orders · {money(s.revenue)} · opt-outs {formatPercent(s.optOutRate)} · incremental {incrementalRevenueText(s, money)}
                </Text>
              </BlockStack>
              <Button url={url}>Edit</Button>
            </InlineStack>
          );
        })}
        <InlineStack align="space-between" blockAlign="center">
          <BlockStack gap="100">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingMd">Sign-up form</Text>
              <OnBadge on={on.sign_up} />
            </InlineStack>
            <Text as="p" tone="subdued">A popup or tab on your storefront. A typed number joins only when the shopper replies Y.</Text>
          </BlockStack>
          <Button url="/app/flows/sign-up">Edit</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
