// What a campaign was composed as: its segment, when it goes, the holdout, the discount, the test
// share, the skip and spread, the image and each variant's text.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { formatTime } from "~/jobs/job-console-cards";
import type { CampaignPage } from "./campaign-page.server";

function describeSchedule({ schedule, timeZone }: Pick<CampaignPage, "schedule" | "timeZone">) {
  if (schedule.type === "now") return "At launch";
  if (schedule.type === "at") return `${formatTime(schedule.at, timeZone)} (${timeZone})`;
  return `${schedule.date} at ${schedule.time} in each recipient's own time zone`;
}

export function CampaignSummaryCard({ campaign }: { campaign: CampaignPage }) {
  const lines = [
    ["Segment", campaign.segment ?? "Removed"],
    ["When", describeSchedule(campaign) + (campaign.spreadHours > 0 ? `, spread over ${campaign.spreadHours} h` : "")],
    ["Holdout", `${campaign.holdoutPercent} %`],
    ["Discount", campaign.discount ? `${campaign.discount.percent} % off with a unique single-use code per recipient; the codes come from one Shopify discount` : "None"],
    ["Test share", campaign.test ? `${campaign.test.sharePercent} % of the treated audience first; the winner goes to the rest after ${campaign.test.winnerAfterHours} h` : "None: the variants go to everyone at once"],
    ["Skip", campaign.skipIfTextedWithinHours === null ? "No one" : `Anyone texted marketing in the last ${campaign.skipIfTextedWithinHours} h`],
    ["Image", campaign.mediaUrl ?? "None"],
    ["Launched", campaign.launchedAt ? formatTime(campaign.launchedAt, campaign.timeZone) : "Not yet"],
    ...(campaign.cancelledAt ? [["Cancelled", formatTime(campaign.cancelledAt, campaign.timeZone)]] : []),
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Campaign
        </Text>
        {lines.map(([label, value]) => (
          <Text as="p" key={label}>
            <b>{label}:</b> {value}
          </Text>
        ))}
        {campaign.variants.map((variant) => (
          <BlockStack gap="100" key={variant.name}>
            <Text as="h3" variant="headingSm">
              Variant {variant.name} (weight {variant.weight})
            </Text>
            <Text as="p" tone="subdued" breakWord>
              {variant.body}
            </Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
