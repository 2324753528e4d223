import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { MessageTextField, tooLong } from "./message-text-field";

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
          <MessageTextField
            label="Reply"
            name="body"
            value={body}
            onChange={setBody}
            error={result?.error}
            noun="reply"
            insert={{ label: "Canned reply", placeholder: "Insert a canned reply…", options: CANNED_REPLIES }}
            price={{ perSegment: costPerSegment, currency }}
          />
          <Text as="p" tone="subdued">
            <span data-testid="reply-timing">{timing}</span>
          </Text>
          {result?.message && (
            <Banner tone={result.message.status === "refused" ? "critical" : result.message.status === "held" ? "warning" : "success"}>
              {result.message.reason ?? "Reply sent."}
            </Banner>
          )}
          <InlineStack align="end">
            <Button submit variant="primary" loading={fetcher.state !== "idle"} disabled={!body.trim() || tooLong(body)}>
              Send
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
