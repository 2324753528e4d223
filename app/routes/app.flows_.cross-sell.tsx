import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Checkbox, DataTable, FormLayout, Text } from "@shopify/polaris";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { CROSS_SELL_VARIABLES } from "~/flows/cross-sell/cross-sell-settings";
import { frequentPairs } from "~/flows/cross-sell/co-occurrence.server";
import { deliveriesLastMonth } from "~/flows/lifecycle-flow-pages.server";
import { flowStats } from "~/flows/flow-stats.server";
import { loadLifecycleFlow, saveLifecycleFlow } from "~/lifecycle-flow-route.server";
import { FlowAside, NumberField, OfferFields, SwitchAndHoldout, TemplateField, TextPreview } from "~/components/lifecycle-flow-fields";
import { LifecycleFlowPage, useLifecycleFlowForm } from "~/components/lifecycle-flow-page";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, flow } = await loadLifecycleFlow(request, "cross_sell");
  return {
    ...flow,
    audience: await deliveriesLastMonth(appContext, shop.id),
    pairs: await frequentPairs(appContext, shop.id, { minOrders: flow.settings.minPairOrders, limit: 20 }),
    stats: await flowStats(appContext, shop.id, "cross_sell"),
  };
};

export const action = ({ request }: ActionFunctionArgs) => saveLifecycleFlow(request, "cross_sell");

const SAMPLE = { first_name: "Ana", purchased: "Linen shirt", product: "Canvas tote", link: "https://textback.app/r/Ab3dEf7h" };

export default function CrossSell() {
  const loaded = useLoaderData<typeof loader>();
  const form = useLifecycleFlowForm(loaded.settings, "Cross-sell saved");
  const { settings, set, errors } = form;
  return (
    <LifecycleFlowPage
      title="Cross-sell"
      subtitle="After a delivery, suggests a product your shoppers often buy with what this shopper bought."
      form={form}
      aside={<FlowAside audience={loaded.audience} audienceLabel="deliveries in the last 30 days (at most that many texts)" withImage={settings.attachImage} pricing={loaded.pricing} stats={loaded.stats} />}
    >
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
          <TextPreview template={settings.template} sample={SAMPLE} offerPercent={settings.offer.percent} pricing={loaded.pricing} first withImage={settings.attachImage} testId="preview-cross-sell" />
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
    </LifecycleFlowPage>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Cross-sell" />;
}
