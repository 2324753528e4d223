import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, DataTable, FormLayout, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { useSavedToast } from "~/components/app-bridge-feedback";
import { CROSS_SELL_VARIABLES } from "~/flows/cross-sell/cross-sell-settings";
import { frequentPairs } from "~/flows/cross-sell/co-occurrence.server";
import { deliveriesLastMonth, flowStatsOf, isTelnyxConnected, lifecycleSettingsOf, pricingOf, saveLifecyclePage } from "~/flows/lifecycle-flow-pages.server";
import { EstimateCard, FlowStatsCard, NumberField, OfferFields, SettingsInput, SwitchAndHoldout, TemplateField, TextPreview, useFlowSettings, type FieldErrors } from "~/components/lifecycle-flow-fields";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const settings = lifecycleSettingsOf(shop, "cross_sell");
  return {
    settings,
    pricing: pricingOf(shop),
    telnyxConnected: isTelnyxConnected(shop),
    audience: await deliveriesLastMonth(appContext, shop.id),
    pairs: await frequentPairs(appContext, shop.id, { minOrders: settings.minPairOrders, limit: 20 }),
    stats: await flowStatsOf(appContext, shop.id, "cross_sell"),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const result = await saveLifecyclePage(appContext, shop.id, "cross_sell", await request.formData());
  return Response.json(result, { status: result.saved ? 200 : 400 });
};

const SAMPLE = { first_name: "Ana", purchased: "Linen shirt", product: "Canvas tote", discount: "10% off with code TB-7KQ2M9XW4P", link: "https://textback.app/r/Ab3dEf7h" };

export default function CrossSell() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: boolean; fieldErrors?: FieldErrors }>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  useSavedToast(result, result?.saved ? "Cross-sell saved" : null);
  const { settings, set } = useFlowSettings(loaded.settings);
  const perText = settings.attachImage ? loaded.pricing.costPerMms : loaded.pricing.costPerSegment;
  return (
    <Page title="Cross-sell" backAction={{ url: "/app/flows" }} subtitle="After a delivery, suggests a product your shoppers often buy with what this shopper bought.">
      <Form method="post">
        <SettingsInput settings={settings} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result?.saved && <Banner tone="success">Cross-sell saved.</Banner>}
              {result && !result.saved && <Banner tone="critical">{errors.form ?? "Some settings need a fix before they can be saved."}</Banner>}
              <SwitchAndHoldout flowLabel="Suggest a product after delivery" enabled={settings.enabled} holdoutPercent={settings.holdoutPercent} set={set} errors={errors} telnyxConnected={loaded.telnyxConnected} />
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">The text</Text>
                  <Text as="p" tone="subdued">When the rating request is on (Shipping texts), only shoppers who rated their order 4 or 5 get it. Nothing is sent when no product is bought often enough with theirs, and never one they already own.</Text>
                  <FormLayout>
                    <FormLayout.Group>
                      <NumberField label="Days after delivery" value={settings.delayDays} onChange={(v) => set(["delayDays"], v)} error={errors.delayDays} />
                      <NumberField label="Orders holding both products, at least" value={settings.minPairOrders} onChange={(v) => set(["minPairOrders"], v)} error={errors.minPairOrders} />
                    </FormLayout.Group>
                    <OfferFields offer={settings.offer} onChange={(path, v) => set(["offer", ...path], v)} errors={errors} />
                    <TemplateField label="Text" value={settings.template} onChange={(v) => set(["template"], v)} error={errors.template} variables={CROSS_SELL_VARIABLES} />
                    <Checkbox label="Attach the suggested product's image (MMS to US and Canadian numbers)" checked={settings.attachImage} onChange={(v) => set(["attachImage"], v)} />
                  </FormLayout>
                  <TextPreview template={settings.template} sample={SAMPLE} pricing={loaded.pricing} first withImage={settings.attachImage} testId="preview-cross-sell" />
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Pairs the flow would use</Text>
                  {loaded.pairs.length === 0 ? (
                    <Text as="p" tone="subdued">No two products have been bought together in enough orders yet.</Text>
                  ) : (
                    <DataTable
                      columnContentTypes={["text", "text", "numeric"]}
                      headings={["Bought", "Suggested", "Orders with both"]}
                      rows={loaded.pairs.map((pair) => [pair.productA.title, pair.productB.title, pair.orders])}
                    />
                  )}
                </BlockStack>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>Save</Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <EstimateCard audience={loaded.audience} audienceLabel="deliveries in the last 30 days (at most that many texts)" perText={perText} currency={loaded.pricing.currency} />
              <FlowStatsCard stats={loaded.stats} currency={loaded.pricing.currency} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Cross-sell" />;
}
