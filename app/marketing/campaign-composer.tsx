// The compose form of a campaign: name, segment, 1–4 variants in the shared text composer, a
// discount code per recipient, a test share, the holdout, when it goes, the skip and spread, an
// optional image. The estimate beside it is asked for again a moment after each change; saving
// and launching go out once, however often clicked.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { BlockStack, Button, Card, Checkbox, ChoiceList, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { MessageTextField } from "~/components/message-text-field";
import { formatCount } from "~/analytics/figure-format";
import { EstimateCard } from "./campaign-estimate-card";
import type { CampaignEstimate } from "./campaign-estimate";
import { CODE_VARIABLE, VARIANT_NAMES } from "./campaign-input";
import type { PageSchedule } from "./campaign-draft.server";
import type { SegmentSize } from "./segments.server";

const ESTIMATE_DELAY_MS = 300;

export interface ComposerSetup {
  segments: ({ id: string; name: string } & SegmentSize)[];
  variables: readonly string[];
  holdoutPercent: number;
  skipHours: number;
  /** Today in the shop's zone, YYYY-MM-DD, and the zone's name. */
  today: string;
  timeZone: string;
}

type Answer = { estimate?: CampaignEstimate; error?: string; field?: string };

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

export function CampaignComposer({ setup }: { setup: ComposerSetup }) {
  const [name, setName] = useState("");
  const [segmentId, setSegmentId] = useState("");
  const [variants, setVariants] = useState([{ body: "", weight: "1" }]);
  const [holdout, setHoldout] = useState(String(setup.holdoutPercent));
  const [when, setWhen] = useState<PageSchedule["type"]>("now");
  const [date, setDate] = useState(setup.today);
  const [time, setTime] = useState("10:00");
  const [skipHours, setSkipHours] = useState(String(setup.skipHours));
  const [spreadHours, setSpreadHours] = useState("0");
  const [mediaUrl, setMediaUrl] = useState("");
  const [discountOn, setDiscountOn] = useState(false);
  const [discountPercent, setDiscountPercent] = useState("15");
  const [testOn, setTestOn] = useState(false);
  const [sharePercent, setSharePercent] = useState("20");
  const [winnerAfterHours, setWinnerAfterHours] = useState("4");
  const estimator = useFetcher<Answer>();
  const saver = useFetcher<Answer>();
  const sent = useRef(false);

  const schedule: Record<string, string> = when === "now" ? { type: "now" } : { type: when, date, time };
  const payload = {
    name,
    segmentId,
    variants: variants.map((v) => ({ body: v.body, weight: whole(v.weight) })),
    holdoutPercent: whole(holdout),
    schedule,
    skipIfTextedWithinHours: skipHours.trim() === "" ? null : whole(skipHours),
    spreadHours: whole(spreadHours),
    mediaUrl: mediaUrl.trim() || null,
    discount: discountOn ? { percent: whole(discountPercent) } : null,
    // A test needs two variants; with one, the choice is kept but not sent.
    test: testOn && variants.length > 1 ? { sharePercent: whole(sharePercent), winnerAfterHours: whole(winnerAfterHours) } : null,
  };
  const draft = JSON.stringify(payload);

  useEffect(() => {
    const timer = setTimeout(() => estimator.submit({ intent: "estimate", draft: payload }, { method: "post", encType: "application/json" }), ESTIMATE_DELAY_MS);
    return () => clearTimeout(timer);
    // The fetcher's identity changes with its state; the draft is what the estimate depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);

  // A refused save may be corrected and sent again; a saved one navigates away.
  useEffect(() => {
    if (saver.state === "idle" && saver.data?.error) sent.current = false;
  }, [saver.state, saver.data]);
  const busy = saver.state !== "idle" || sent.current;
  const save = (intent: "create" | "launch") => {
    if (sent.current) return;
    sent.current = true;
    saver.submit({ intent, draft: payload }, { method: "post", encType: "application/json" });
  };

  const failed = saver.state === "idle" ? saver.data : undefined;
  const errorAt = (field: string) => (failed?.field === field ? failed.error : undefined);
  const estimate = estimator.data?.estimate ?? null;
  const previews = estimate?.texts.length === variants.length ? estimate.texts : null;
  const segment = setup.segments.find((s) => s.id === segmentId);
  const variables = setup.variables.filter((v) => discountOn || v !== CODE_VARIABLE);
  const setVariant = (index: number, change: Partial<(typeof variants)[number]>) => setVariants(variants.map((v, i) => (i === index ? { ...v, ...change } : v)));

  return (
    <Layout>
      <Layout.Section>
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <TextField label="Name" value={name} onChange={setName} autoComplete="off" error={errorAt("name")} />
              <Select
                label="Segment"
                options={[{ label: "Choose a segment…", value: "" }, ...setup.segments.map((s) => ({ label: `${s.name} (${formatCount(s.size)})`, value: s.id }))]}
                value={segmentId}
                onChange={setSegmentId}
                error={errorAt("segmentId")}
              />
              {segment && (
                <Text as="p" tone="subdued">
                  <span data-testid="segment-size">
                    {formatCount(segment.size)} can be texted. Left out: {formatCount(segment.leftOut.noConsent)} without marketing consent,{" "}
                    {formatCount(segment.leftOut.optedOut)} opted out, {formatCount(segment.leftOut.suppressed)} suppressed.
                  </span>
                </Text>
              )}
            </BlockStack>
          </Card>
          {variants.map((variant, index) => (
            <Card key={index}>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    Variant {"ABCD"[index]}
                  </Text>
                  {variants.length > 1 && <Button onClick={() => setVariants(variants.filter((_, i) => i !== index))}>Remove</Button>}
                </InlineStack>
                <MessageTextField
                  label="Text"
                  value={variant.body}
                  onChange={(body) => setVariant(index, { body })}
                  error={errorAt(`variants[${index}].body`) ?? (index === 0 ? errorAt("variants") : undefined)}
                  asSent={variant.body.trim() ? previews?.[index]?.preview : undefined}
                  insert={{ label: "Variable", placeholder: "Insert a variable…", options: variables.map((v) => ({ label: v, value: `{{${v}}}` })) }}
                />
                <TextField label="Weight" type="number" value={variant.weight} onChange={(weight) => setVariant(index, { weight })} autoComplete="off" error={errorAt(`variants[${index}].weight`)} helpText="Shares the treated recipients among the variants." />
              </BlockStack>
            </Card>
          ))}
          {variants.length < VARIANT_NAMES.length && (
            <InlineStack>
              <Button onClick={() => setVariants([...variants, { body: "", weight: "1" }])}>Add a variant</Button>
            </InlineStack>
          )}
          <Card>
            <BlockStack gap="300">
              <Checkbox
                label="A unique single-use discount code per recipient"
                checked={discountOn}
                onChange={setDiscountOn}
                helpText={`Put {{${CODE_VARIABLE}}} in every variant: each recipient's own code goes there. The codes come from one Shopify discount and end with the report's window.`}
              />
              {discountOn && <TextField label="Discount (% off)" type="number" value={discountPercent} onChange={setDiscountPercent} autoComplete="off" error={errorAt("discount.percent")} />}
              <Checkbox
                label="Test on a share first"
                checked={testOn && variants.length > 1}
                disabled={variants.length < 2}
                onChange={setTestOn}
                error={errorAt("test")}
                helpText={variants.length < 2 ? "Add a second variant to test them on a share of the audience." : "The variants go to a share of the treated audience; the winner, if one is clear, goes to the rest."}
              />
              {testOn && variants.length > 1 && (
                <InlineStack gap="300">
                  <TextField label="Test share (%)" type="number" value={sharePercent} onChange={setSharePercent} autoComplete="off" error={errorAt("test.sharePercent")} />
                  <TextField label="Send the winner to the rest after (hours)" type="number" value={winnerAfterHours} onChange={setWinnerAfterHours} autoComplete="off" error={errorAt("test.winnerAfterHours")} />
                </InlineStack>
              )}
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="300">
              <TextField label="Holdout (%)" type="number" value={holdout} onChange={setHoldout} autoComplete="off" error={errorAt("holdoutPercent")} helpText="Subscribers who get nothing, so the report can say what the texts brought." />
              <ChoiceList
                title="When"
                choices={[
                  { label: "Now", value: "now" },
                  { label: `At a time in the shop's zone (${setup.timeZone})`, value: "shop" },
                  { label: "At a local time in each recipient's zone", value: "local" },
                ]}
                selected={[when]}
                onChange={([choice]) => setWhen(choice as PageSchedule["type"])}
              />
              {when !== "now" && (
                <InlineStack gap="300">
                  <TextField label="Day" type="date" value={date} onChange={setDate} autoComplete="off" error={errorAt("schedule.date") ?? errorAt("schedule.at")} />
                  <TextField label="Time" type="time" value={time} onChange={setTime} autoComplete="off" error={errorAt("schedule.time")} />
                </InlineStack>
              )}
              <TextField label="Skip anyone texted marketing in the last (hours)" type="number" value={skipHours} onChange={setSkipHours} autoComplete="off" error={errorAt("skipIfTextedWithinHours")} helpText="Leave empty to skip no one." />
              <TextField label="Spread over (hours)" type="number" value={spreadHours} onChange={setSpreadHours} autoComplete="off" error={errorAt("spreadHours")} />
              <TextField label="Image URL (optional)" value={mediaUrl} onChange={setMediaUrl} autoComplete="off" error={errorAt("mediaUrl")} helpText="Sent as MMS to US and Canadian numbers; others get the text alone." />
            </BlockStack>
          </Card>
        </BlockStack>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <BlockStack gap="400">
          <EstimateCard title="Estimate" estimate={estimate} problem={estimator.data?.error ?? (!segmentId ? "Choose a segment to see who the campaign reaches." : estimate ? null : "Working out the estimate…")} />
          <InlineStack gap="200" align="end">
            <Button onClick={() => save("create")} disabled={busy}>
              Save draft
            </Button>
            <Button variant="primary" onClick={() => save("launch")} loading={busy} disabled={busy}>
              Launch
            </Button>
          </InlineStack>
        </BlockStack>
      </Layout.Section>
    </Layout>
  );
}
