import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { gsmReplacements, measureText } from "~/messaging/segments";
import { MAX_SEGMENTS } from "~/messaging/text-purpose";

type ReplyResult = { message?: { status: string; reason: string | null }; error?: string };

export const CANNED_REPLIES = [
  { label: "Thanks, we're on it", value: "Thanks for your message! We're looking into it and will get back to you shortly." },
  { label: "Order status", value: "You can follow your order with the tracking link in your shipping confirmation. Reply with your order number and we'll check for you." },
  { label: "Returns", value: "Returns are free within 30 days. Reply RETURN for the link to start one." },
  { label: "Sizing", value: "Our items run true to size. If you're between sizes, we suggest the larger one." },
];

interface ReplyComposerProps {
  conversationId: string;
  costPerSegment: number;
  currency: string;
  /** Why this shopper cannot be texted, if they cannot. */
  blockedReason: string | null;
  /** When a reply sent now would leave, and why (see describeReplyTiming). */
  timing: string;
}

export function ReplyComposer({ conversationId, costPerSegment, currency, blockedReason, timing }: ReplyComposerProps) {
  const fetcher = useFetcher<ReplyResult>();
  const [body, setBody] = useState("");
  const measure = measureText(body);
  const suggestion = gsmReplacements(body);
  const cost = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 4 }).format(measure.segments * costPerSegment);
  const result = fetcher.data;
  useEffect(() => {
    if (fetcher.state === "idle" && result?.message && result.message.status !== "refused") setBody("");
  }, [fetcher.state, result]);

  if (blockedReason) {
    return (
      <Card>
        <Banner tone="critical" title="You can't text this shopper">
          <p>{blockedReason}</p>
        </Banner>
      </Card>
    );
  }
  return (
    <Card>
      <fetcher.Form method="post" action={`/app/inbox/${conversationId}/reply`}>
        <BlockStack gap="300">
          <Select
            label="Canned reply"
            options={[{ label: "Insert a canned reply…", value: "" }, ...CANNED_REPLIES]}
            value=""
            onChange={(value) => value && setBody((current) => (current ? `${current} ${value}` : value))}
          />
          <TextField label="Reply" name="body" value={body} onChange={setBody} multiline={3} autoComplete="off" error={result?.error} maxLength={1600} />
          <Text as="p" tone="subdued">
            <span data-testid="reply-timing">{timing}</span>
          </Text>
          <InlineStack gap="300" align="space-between">
            <Text as="p" tone={measure.segments > MAX_SEGMENTS ? "critical" : "subdued"}>
              <span data-testid="segment-count">
                {measure.characters} characters · {measure.segments} {measure.segments === 1 ? "segment" : "segments"} · {measure.encoding}
              </span>
            </Text>
            <Text as="p" tone="subdued">About {cost}</Text>
          </InlineStack>
          {measure.encoding === "UCS-2" && (
            <Banner tone="warning" title="This reply is sent as UCS-2">
              <BlockStack gap="200">
                <p>
                  {measure.nonGsmCharacters.join(" ")} {measure.nonGsmCharacters.length === 1 ? "isn't" : "aren't"} in the GSM-7 alphabet, so each
                  segment holds 70 characters instead of 160 and the text costs more.
                </p>
                {suggestion.replacements.length > 0 && (
                  <InlineStack>
                    <Button onClick={() => setBody(suggestion.text)}>
                      {`Replace ${suggestion.replacements.map((r) => `${r.from} with ${r.to || "nothing"}`).join(", ")}`}
                    </Button>
                  </InlineStack>
                )}
              </BlockStack>
            </Banner>
          )}
          {result?.message && (
            <Banner tone={result.message.status === "refused" ? "critical" : result.message.status === "held" ? "warning" : "success"}>
              {result.message.reason ?? "Reply sent."}
            </Banner>
          )}
          <InlineStack align="end">
            <Button submit variant="primary" loading={fetcher.state !== "idle"} disabled={!body.trim() || measure.segments > MAX_SEGMENTS}>
              Send
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
