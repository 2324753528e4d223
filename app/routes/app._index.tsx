import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { authenticate } from "~/shopify.server";
import { appContext } from "~/services.server";
import { loadShopStatus } from "~/analytics/shop-status.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const status = await loadShopStatus(appContext, session.shop);
  if (!status) throw new Response("Shop not installed", { status: 404 });
  return status;
};

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}

export default function Dashboard() {
  const status = useLoaderData<typeof loader>();
  return (
    <Page title="Dashboard" subtitle={status.shopName}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Texting
                </Text>
                {status.telnyxConnected ? (
                  <Badge tone="success">Connected</Badge>
                ) : (
                  <Badge tone="attention">Not set up</Badge>
                )}
              </InlineStack>
              <Text as="p">
                {status.telnyxConnected
                  ? `Texts go out from ${status.sendingNumber} through Telnyx.`
                  : "Connect a Telnyx number to start texting shoppers."}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Activity
              </Text>
              <InlineStack gap="800">
                <Figure label="Subscribers and contacts" value={status.contacts} />
                <Figure label="Shopify events, last 24 hours" value={status.webhooksLastDay} />
                <Figure label="Scheduled tasks" value={status.jobsWaiting} />
              </InlineStack>
              <Text as="p" tone="subdued">
                {status.lastWebhook
                  ? `Last event from Shopify: ${status.lastWebhook.topic} at ${new Date(status.lastWebhook.receivedAt).toUTCString()}`
                  : "No events from Shopify yet."}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
