// The System page's answer to "is anything reaching us?": Telnyx's state and the last webhook
// from each source. The check itself is the Settings page's (one request to Telnyx, on demand).
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { ConnectionStatus, LastWebhook } from "./connection-status.server";

type Format = (iso: string) => string;

function TelnyxState({ telnyx, format }: Pick<ConnectionStatus, "telnyx"> & { format: Format }) {
  if (!telnyx.credentialsSaved) return <Badge tone="critical">Not set up</Badge>;
  if (!telnyx.checkedAt) return <Badge tone="warning">Saved, not checked</Badge>;
  return (
    <InlineStack gap="200" blockAlign="center">
      <Badge tone="success">Connected</Badge>
      <Text as="span" tone="subdued">{`checked ${format(telnyx.checkedAt)}`}</Text>
    </InlineStack>
  );
}

function Webhook({ label, webhook, none, format }: { label: string; webhook: LastWebhook | null; none: string; format: Format }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">{label}</Text>
      {webhook ? (
        <InlineStack gap="200" blockAlign="center">
          <Text as="span">{`${webhook.topic}, ${format(webhook.receivedAt)}`}</Text>
          <Badge tone={webhook.processed ? "success" : "attention"}>{webhook.processed ? "Applied" : "Waiting for its job"}</Badge>
        </InlineStack>
      ) : (
        <Text as="p" tone="subdued">{none}</Text>
      )}
    </BlockStack>
  );
}

export function ConnectionStatusCard({ status, format }: { status: ConnectionStatus; format: Format }) {
  const check = useFetcher<{ ok: boolean; message: string }>();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">Connections</Text>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">Telnyx</Text>
          <TelnyxState telnyx={status.telnyx} format={format} />
          {check.data && <Banner tone={check.data.ok ? "success" : "critical"}>{check.data.message}</Banner>}
          <check.Form method="post" action="/app/settings/check-connection">
            <Button submit loading={check.state !== "idle"} disabled={!status.telnyx.credentialsSaved}>Check connection</Button>
          </check.Form>
        </BlockStack>
        <Webhook label="Last webhook from Shopify" webhook={status.lastShopifyWebhook} none="None received yet." format={format} />
        <Webhook label="Last webhook from Telnyx" webhook={status.lastTelnyxWebhook} none={`None in the last ${status.telnyxLookbackDays} days.`} format={format} />
      </BlockStack>
    </Card>
  );
}
