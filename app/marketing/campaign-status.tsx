// A campaign's state in words the merchant reads: draft → scheduled → sending → sent, or cancelled.
import { Badge } from "@shopify/polaris";

const BADGES: Record<string, { label: string; tone?: "info" | "attention" | "success" | "critical" }> = {
  draft: { label: "Draft" },
  scheduled: { label: "Scheduled", tone: "info" },
  sending: { label: "Sending", tone: "attention" },
  sent: { label: "Sent", tone: "success" },
  cancelled: { label: "Cancelled", tone: "critical" },
};

export function CampaignStatusBadge({ status }: { status: string }) {
  const badge = BADGES[status] ?? { label: status };
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}
