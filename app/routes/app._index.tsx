import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Link, Page, Select, Text } from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext } from "~/services.server";
import { loadShopStatus, type ShopStatus } from "~/analytics/shop-status.server";
import { dashboardFigures } from "~/analytics/dashboard.server";
import { DASHBOARD_PERIOD_DAYS, periodDaysFrom } from "~/analytics/dashboard-definitions";
import { NewSubscribersCard, RecoveryCard, TextingCard } from "~/analytics/dashboard-cards";
import { DailyChart } from "~/analytics/daily-chart";
import { onboardingChecklist, type OnboardingStep } from "~/analytics/onboarding.server";

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const periodDays = periodDaysFrom(new URL(request.url).searchParams.get("period"));
  const [status, figures, onboarding] = await Promise.all([
    loadShopStatus(appContext, shop.domain),
    dashboardFigures(appContext, shop, periodDays),
    onboardingChecklist(appContext, shop),
  ]);
  if (!status) throw new Response("Shop not installed", { status: 404 });
  return { status, figures, onboarding };
};

const PERIOD_OPTIONS = DASHBOARD_PERIOD_DAYS.map((days) => ({ label: `Last ${days} days`, value: String(days) }));

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

function OnboardingCard({ steps }: { steps: OnboardingStep[] }) {
  const done = steps.filter((step) => step.done).length;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Get set up</Text>
          <Badge>{`${done} of ${steps.length} done`}</Badge>
        </InlineStack>
        {steps.map((step) => (
          <InlineStack key={step.id} gap="300" blockAlign="start" wrap={false}>
            <Badge tone={step.done ? "success" : "attention"}>{step.done ? "Done" : "To do"}</Badge>
            <BlockStack gap="100">
              <Text as="p" fontWeight="semibold">{step.done ? step.label : <Link url={step.url}>{step.label}</Link>}</Text>
              <Text as="p" tone="subdued">{step.help}</Text>
            </BlockStack>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function ConnectionCard({ status }: { status: ShopStatus }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Texting
          </Text>
          {status.telnyxConnected ? <Badge tone="success">Connected</Badge> : <Badge tone="attention">Not set up</Badge>}
        </InlineStack>
        <Text as="p">
          {status.telnyxConnected ? `Texts go out from ${status.sendingNumber} through Telnyx.` : "Connect a Telnyx number to start texting shoppers."}
        </Text>
      </BlockStack>
    </Card>
  );
}

function ActivityCard({ status }: { status: ShopStatus }) {
  return (
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
  );
}

export default function Dashboard() {
  const { status, figures, onboarding } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const nothingYet = figures.textsSent === 0 && figures.ordersRecovered === 0;
  return (
    <Page title="Dashboard" subtitle={status.shopName}>
      <Layout>
        {onboarding.some((step) => !step.done) && (
          <Layout.Section>
            <OnboardingCard steps={onboarding} />
          </Layout.Section>
        )}
        <Layout.Section>
          <ConnectionCard status={status} />
        </Layout.Section>
        <Layout.Section>
          <InlineStack align="end">
            <Select
              label="Period"
              labelInline
              options={PERIOD_OPTIONS}
              value={String(figures.periodDays)}
              onChange={(days) => navigate(`?period=${days}`)}
            />
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <RecoveryCard figures={figures} />
            <TextingCard figures={figures} />
            <NewSubscribersCard figures={figures} />
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Day by day
                </Text>
                {nothingYet ? (
                  <Text as="p" tone="subdued">
                    No texts sent or orders recovered in the last {figures.periodDays} days yet.
                  </Text>
                ) : (
                  <DailyChart daily={figures.daily} currency={figures.currency} />
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <ActivityCard status={status} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Dashboard" />;
}
