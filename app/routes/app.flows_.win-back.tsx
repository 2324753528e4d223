import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Checkbox, FormLayout, Text } from "@shopify/polaris";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { WIN_BACK_VARIABLES } from "~/flows/win-back/win-back-settings";
import { winBackEligibleCount } from "~/flows/win-back/win-back.server";
import { flowStats } from "~/flows/flow-stats.server";
import { loadLifecycleFlow, saveLifecycleFlow } from "~/lifecycle-flow-route.server";
import { FlowAside, NumberField, OfferFields, SwitchAndHoldout, TemplateField, TextPreview } from "~/components/lifecycle-flow-fields";
import { LifecycleFlowPage, useLifecycleFlowForm } from "~/components/lifecycle-flow-page";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, flow } = await loadLifecycleFlow(request, "win_back");
  return { ...flow, audience: await winBackEligibleCount(appContext, shop.id), stats: await flowStats(appContext, shop.id, "win_back") };
};

export const action = ({ request }: ActionFunctionArgs) => saveLifecycleFlow(request, "win_back");

const SAMPLE = { first_name: "Ana", link: "https://textback.app/r/Ab3dEf7h" };

export default function WinBack() {
  const loaded = useLoaderData<typeof loader>();
  const form = useLifecycleFlowForm(loaded.settings, "Win-back saved");
  const { settings, set, errors } = form;
  return (
    <LifecycleFlowPage
      title="Win-back"
      subtitle="One text to subscribers who have not ordered in a while, at most once per period, never while a cart reminder or welcome is under way."
      form={form}
      aside={<FlowAside audience={loaded.audience} audienceLabel="customers eligible now" withImage={settings.attachImage} pricing={loaded.pricing} stats={loaded.stats} />}
    >
      <SwitchAndHoldout flowLabel="Text lapsed customers" enabled={settings.enabled} holdoutPercent={settings.holdoutPercent} set={set} errors={errors} telnyxConnected={loaded.telnyxConnected} />
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">The text</Text>
          <FormLayout>
            <NumberField label="Days since the last order" value={settings.afterDays} onChange={(v) => set(["afterDays"], v)} error={errors.afterDays} helpText="Also the least time between two win-back texts to one customer." />
            <OfferFields offer={settings.offer} onChange={(path, v) => set(["offer", ...path], v)} errors={errors} />
            <TemplateField label="Text" value={settings.template} onChange={(v) => set(["template"], v)} error={errors.template} variables={WIN_BACK_VARIABLES} />
            <Checkbox label="Attach the image of the product they last bought (MMS to US and Canadian numbers)" checked={settings.attachImage} onChange={(v) => set(["attachImage"], v)} />
          </FormLayout>
          <TextPreview template={settings.template} sample={SAMPLE} offerPercent={settings.offer.percent} pricing={loaded.pricing} first withImage={settings.attachImage} testId="preview-win-back" />
        </BlockStack>
      </Card>
    </LifecycleFlowPage>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Win-back" />;
}
