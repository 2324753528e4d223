import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { useSavedToast } from "~/components/app-bridge-feedback";
import { WIN_BACK_VARIABLES } from "~/flows/win-back/win-back-settings";
import { ensureWinBackScan, winBackEligibleCount } from "~/flows/win-back/win-back.server";
import { flowStatsOf, isTelnyxConnected, lifecycleSettingsOf, pricingOf, saveLifecyclePage } from "~/flows/lifecycle-flow-pages.server";
import { EstimateCard, FlowStatsCard, NumberField, OfferFields, SettingsInput, SwitchAndHoldout, TemplateField, TextPreview, useFlowSettings, type FieldErrors } from "~/components/lifecycle-flow-fields";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return {
    settings: lifecycleSettingsOf(shop, "win_back"),
    pricing: pricingOf(shop),
    telnyxConnected: isTelnyxConnected(shop),
    audience: await winBackEligibleCount(appContext, shop.id),
    stats: await flowStatsOf(appContext, shop.id, "win_back"),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const result = await saveLifecyclePage(appContext, shop.id, "win_back", await request.formData());
  if (result.saved) await ensureWinBackScan(appContext, shop.id);
  return Response.json(result, { status: result.saved ? 200 : 400 });
};

const SAMPLE = { first_name: "Ana", discount: "15% off with code TB-7KQ2M9XW4P", link: "https://textback.app/r/Ab3dEf7h" };

export default function WinBack() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: boolean; fieldErrors?: FieldErrors }>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  useSavedToast(result, result?.saved ? "Win-back saved" : null);
  const { settings, set } = useFlowSettings(loaded.settings);
  const perText = settings.attachImage ? loaded.pricing.costPerMms : loaded.pricing.costPerSegment;
  return (
    <Page title="Win-back" backAction={{ url: "/app/flows" }} subtitle="One text to subscribers who have not ordered in a while, at most once per period, never while a cart reminder or welcome is under way.">
      <Form method="post">
        <SettingsInput settings={settings} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result?.saved && <Banner tone="success">Win-back saved.</Banner>}
              {result && !result.saved && <Banner tone="critical">{errors.form ?? "Some settings need a fix before they can be saved."}</Banner>}
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
                  <TextPreview template={settings.template} sample={SAMPLE} pricing={loaded.pricing} first withImage={settings.attachImage} testId="preview-win-back" />
                </BlockStack>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>Save</Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <EstimateCard audience={loaded.audience} audienceLabel="customers eligible now" perText={perText} currency={loaded.pricing.currency} />
              <FlowStatsCard stats={loaded.stats} currency={loaded.pricing.currency} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Win-back" />;
}
