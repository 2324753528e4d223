// The pieces every lifecycle flow page is made of: the settings edited as one object and posted
// as JSON (errors come back by field path), templates with a live preview priced as sent, the
// offer and the holdout, the cost estimate and the flow's stats with their definitions.
import { Badge, BlockStack, Box, Card, Checkbox, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { composeBody } from "~/messaging/compose-body";
import { measureText } from "~/messaging/segments";
import { renderTemplate } from "~/flows/templates";
import { offerWording, SAMPLE_VALUES } from "~/flows/flow-offer";
import { formatCount, formatMoney, formatPercent } from "~/analytics/figure-format";
import { textPrices } from "~/messaging/mms";
import { FLOW_STATS_DEFINITIONS } from "~/flows/flow-stats-definitions";
import type { FlowStats } from "~/flows/flow-stats.server";

export type FieldErrors = Record<string, string>;

/** One path into the settings object, e.g. ["offer", "percent"] or ["choices", 1, "tag"]. */
type Path = (string | number)[];

export function useFlowSettings<T extends object>(initial: T) {
  const [settings, setSettings] = useState(initial);
  const set = (path: Path, value: unknown) => setSettings((current) => setIn(current, path, value) as T);
  return { settings, set, setSettings };
}

function setIn(target: unknown, [head, ...rest]: Path, value: unknown): unknown {
  if (head === undefined) return value;
  const copy = (Array.isArray(target) ? [...target] : { ...(target as object) }) as Record<string | number, unknown>;
  copy[head] = setIn(copy[head], rest, value);
  return copy;
}

/** The settings as the form posts them. */
export const SettingsInput = ({ settings }: { settings: object }) => <input type="hidden" name="settings" value={JSON.stringify(settings)} />;

export function NumberField({ label, value, onChange, error, helpText }: { label: string; value: number; onChange: (value: number) => void; error?: string; helpText?: string }) {
  const [text, setText] = useState(String(value));
  return (
    <TextField
      label={label}
      type="number"
      value={text}
      autoComplete="off"
      error={error}
      helpText={helpText}
      onChange={(next) => {
        setText(next);
        onChange(next.trim() === "" ? Number.NaN : Number(next));
      }}
    />
  );
}

export interface PreviewPricing {
  brand: string;
  currency: string;
  costPerSegment: number;
  costPerMms: number;
}

/** The text as a shopper gets it (brand first on a flow's first text, the opt-out line), with its size and price. */
export function TextPreview({ template, sample, offerPercent = 0, pricing, first, withImage, testId }: { template: string; sample: Record<string, string>; offerPercent?: number; pricing: PreviewPricing; first: boolean; withImage: boolean; testId: string }) {
  // {{discount}} as the flow will word it, at the percent the merchant set (empty with none).
  const discount = offerWording(SAMPLE_VALUES.discount(offerPercent));
  const text = composeBody(renderTemplate(template, { shop: pricing.brand, ...sample, discount }), "marketing", pricing.brand, first);
  const { segments, encoding } = measureText(text);
  const prices = textPrices({ segments, costPerSegment: pricing.costPerSegment, costPerMms: pricing.costPerMms, withImage });
  const sms = formatMoney(prices.sms, pricing.currency);
  const price = prices.mms === null ? sms : `${formatMoney(prices.mms, pricing.currency)} as MMS to US and Canadian numbers, ${sms} as SMS elsewhere`;
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="100">
        <Text as="p">{text}</Text>
        <Text as="p" tone="subdued" variant="bodySm" data-testid={testId}>
          {segments} {segments === 1 ? "segment" : "segments"} · {encoding} · about {price} per text
        </Text>
      </BlockStack>
    </Box>
  );
}

export function TemplateField({ label, value, onChange, error, variables }: { label: string; value: string; onChange: (value: string) => void; error?: string; variables: readonly string[] }) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      multiline={3}
      autoComplete="off"
      error={error}
      helpText={`Variables: ${variables.map((v) => `{{${v}}}`).join(" ")}`}
    />
  );
}

export function OfferFields({ offer, onChange, errors, prefix = "offer" }: { offer: { percent: number; validDays: number }; onChange: (path: Path, value: number) => void; errors: FieldErrors; prefix?: string }) {
  return (
    <FormLayout.Group>
      <NumberField label="Discount (%)" value={offer.percent} onChange={(v) => onChange(["percent"], v)} error={errors[`${prefix}.percent`]} helpText="0 for no offer. Each shopper gets a unique single-use code." />
      <NumberField label="Code valid for (days)" value={offer.validDays} onChange={(v) => onChange(["validDays"], v)} error={errors[`${prefix}.validDays`]} />
    </FormLayout.Group>
  );
}

export function SwitchAndHoldout({ flowLabel, enabled, holdoutPercent, set, errors, telnyxConnected }: { flowLabel: string; enabled: boolean; holdoutPercent: number; set: (path: Path, value: unknown) => void; errors: FieldErrors; telnyxConnected: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Checkbox label={flowLabel} checked={enabled} onChange={(v) => set(["enabled"], v)} error={errors.enabled} helpText={telnyxConnected ? "Only shoppers with marketing consent are texted, within quiet hours and your caps." : "Connect Telnyx in Settings first."} />
        <NumberField
          label="Holdout (%)"
          value={holdoutPercent}
          onChange={(v) => set(["holdoutPercent"], v)}
          error={errors.holdoutPercent}
          helpText="Eligible shoppers kept back and sent nothing, so the stats can show the revenue the flow adds. 0 for none; 10 is typical."
        />
      </BlockStack>
    </Card>
  );
}

function EstimateCard({ audience, audienceLabel, perText, currency }: { audience: number; audienceLabel: string; perText: number; currency: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Estimate</Text>
        <Text as="p" data-testid="flow-estimate">
          {formatCount(audience)} {audienceLabel} · about {formatMoney(audience * perText, currency)} at {formatMoney(perText, currency)} per text
        </Text>
      </BlockStack>
    </Card>
  );
}

/** A flow page's side column: its audience priced per text (the MMS price with a picture), and its results. */
export function FlowAside({ audience, audienceLabel, withImage, pricing, stats }: { audience: number; audienceLabel: string; withImage: boolean; pricing: PreviewPricing; stats: FlowStats }) {
  return (
    <BlockStack gap="400">
      <EstimateCard audience={audience} audienceLabel={audienceLabel} perText={withImage ? pricing.costPerMms : pricing.costPerSegment} currency={pricing.currency} />
      <FlowStatsCard stats={stats} currency={pricing.currency} />
    </BlockStack>
  );
}

const FIGURES: { key: keyof typeof FLOW_STATS_DEFINITIONS; label: string; value: (s: FlowStats, money: (n: number) => string) => string }[] = [
  { key: "entered", label: "Entered", value: (s) => formatCount(s.entered) },
  { key: "heldOut", label: "Held out", value: (s) => formatCount(s.heldOut) },
  { key: "sent", label: "Texts sent", value: (s) => formatCount(s.sent) },
  { key: "replies", label: "Replied", value: (s) => formatCount(s.replies) },
  { key: "orders", label: "Orders", value: (s) => formatCount(s.orders) },
  { key: "revenue", label: "Revenue", value: (s, money) => money(s.revenue) },
  { key: "optOutRate", label: "Opt-out rate", value: (s) => formatPercent(s.optOutRate) },
  { key: "spend", label: "Spend", value: (s, money) => money(s.spend) },
];

export function incrementalRevenueText(stats: FlowStats, money: (n: number) => string) {
  const lift = stats.incrementalRevenue;
  if (!lift) return "No holdout yet";
  return lift.interval ? `${money(lift.estimate)} (${money(lift.interval[0])} to ${money(lift.interval[1])})` : money(lift.estimate);
}

function FlowStatsCard({ stats, currency }: { stats: FlowStats; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  const significant = stats.incrementalRevenue?.interval && (stats.incrementalRevenue.interval[0] > 0 || stats.incrementalRevenue.interval[1] < 0);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Results</Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
          {FIGURES.map((figure) => (
            <BlockStack gap="050" key={figure.key}>
              <Text as="p" tone="subdued" variant="bodySm">{figure.label}</Text>
              <Text as="p" variant="headingSm" data-testid={`flow-${figure.key}`}>{figure.value(stats, money)}</Text>
            </BlockStack>
          ))}
        </InlineGrid>
        <BlockStack gap="100">
          <Text as="p" tone="subdued" variant="bodySm">Incremental revenue (95 % interval)</Text>
          <Text as="p" variant="headingSm" data-testid="flow-incrementalRevenue">
            {incrementalRevenueText(stats, money)} {stats.incrementalRevenue && <Badge tone={significant ? "success" : undefined}>{significant ? "Significant" : "Not significant yet"}</Badge>}
          </Text>
        </BlockStack>
        <BlockStack gap="100">
          {Object.entries(FLOW_STATS_DEFINITIONS).map(([key, text]) => (
            <Text as="p" tone="subdued" variant="bodySm" key={key}>{text}</Text>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
