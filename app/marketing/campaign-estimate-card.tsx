// What a campaign will reach and cost: shown while it is composed (updated as the form changes)
// and, frozen at launch, on the campaign's page.
import { Banner, BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { formatCount, formatMoney } from "~/analytics/figure-format";
import type { CampaignEstimate } from "./campaign-estimate";

interface EstimateCardProps {
  estimate: CampaignEstimate | null;
  title: string;
  /** Why there is no estimate (yet): the draft's first problem. */
  problem?: string | null;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        <span data-testid={testId}>{value}</span>
      </Text>
    </BlockStack>
  );
}

export function EstimateCard({ estimate, title, problem }: EstimateCardProps) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {problem && <Banner tone="warning">{problem}</Banner>}
        {estimate && (
          <>
            <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
              <Figure label="Recipients" value={formatCount(estimate.recipients)} testId="estimate-recipients" />
              <Figure label="Held out" value={formatCount(estimate.holdout)} testId="estimate-holdout" />
              <Figure label="Estimated cost" value={formatMoney(estimate.cost, estimate.currency)} testId="estimate-cost" />
            </InlineGrid>
            <Text as="p" tone="subdued">
              {formatCount(estimate.audience)} subscribers in the segment can be texted; the holdout gets nothing and is what the campaign is measured against.
            </Text>
            {estimate.texts.map((text) => (
              <Text as="p" key={text.variant}>
                <span data-testid={`estimate-variant-${text.variant}`}>
                  Variant {text.variant}: {text.segments} {text.segments === 1 ? "segment" : "segments"} per text · {text.encoding} · about {formatCount(text.recipients)} recipients
                </span>
              </Text>
            ))}
            <Text as="p">
              <span data-testid="estimate-channel">
              {estimate.mmsRecipients > 0
                ? `${formatCount(estimate.mmsRecipients)} sent as MMS with the image (US and Canadian numbers), ${formatCount(estimate.recipients - estimate.mmsRecipients)} as SMS.`
                : "Every text is sent as SMS."}
              </span>
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
