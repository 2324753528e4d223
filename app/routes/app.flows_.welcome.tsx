import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { useSavedToast } from "~/components/app-bridge-feedback";
import { WELCOME_OFFER_VARIABLES, WELCOME_VARIABLES } from "~/flows/welcome/welcome-settings";
import { flowStatsOf, isTelnyxConnected, lifecycleSettingsOf, newSubscribersLastMonth, pricingOf, saveLifecyclePage } from "~/flows/lifecycle-flow-pages.server";
import { EstimateCard, FlowStatsCard, NumberField, OfferFields, SettingsInput, SwitchAndHoldout, TemplateField, TextPreview, useFlowSettings, type FieldErrors } from "~/components/lifecycle-flow-fields";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return {
    settings: lifecycleSettingsOf(shop, "welcome"),
    pricing: pricingOf(shop),
    telnyxConnected: isTelnyxConnected(shop),
    audience: await newSubscribersLastMonth(appContext, shop.id),
    stats: await flowStatsOf(appContext, shop.id, "welcome"),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const result = await saveLifecyclePage(appContext, shop.id, "welcome", await request.formData());
  return Response.json(result, { status: result.saved ? 200 : 400 });
};

const SAMPLE = { first_name: "Ana", discount: "10% off with code TB-7KQ2M9XW4P", link: "https://textback.app/r/Ab3dEf7h" };

export default function WelcomeSeries() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: boolean; fieldErrors?: FieldErrors }>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  useSavedToast(result, result?.saved ? "Welcome series saved" : null);
  const { settings, set } = useFlowSettings(loaded.settings);
  const perText = settings.attachImage ? loaded.pricing.costPerMms : loaded.pricing.costPerSegment;
  return (
    <Page title="Welcome series" backAction={{ url: "/app/flows" }} subtitle="Greets every new subscriber with a question, tags them by their answer, and sends an offer if they have not ordered.">
      <Form method="post">
        <SettingsInput settings={settings} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result?.saved && <Banner tone="success">Welcome series saved.</Banner>}
              {result && !result.saved && <Banner tone="critical">{errors.form ?? "Some settings need a fix before they can be saved."}</Banner>}
              <SwitchAndHoldout flowLabel="Welcome new subscribers" enabled={settings.enabled} holdoutPercent={settings.holdoutPercent} set={set} errors={errors} telnyxConnected={loaded.telnyxConnected} />
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Step 1: the question</Text>
                  <Text as="p" tone="subdued">Sent right after the opt-in confirmation (keyword, checkout, sign-up form, API). A reply naming a choice, by number or by name, tags the shopper and gets the choice's answer; any other reply goes to the inbox.</Text>
                  <TemplateField label="Question" value={settings.question} onChange={(v) => set(["question"], v)} error={errors.question} variables={WELCOME_VARIABLES} />
                  <TextPreview template={settings.question} sample={SAMPLE} pricing={loaded.pricing} first withImage={false} testId="preview-question" />
                  {settings.choices.map((choice, index) => (
                    <FormLayout key={index}>
                      <FormLayout.Group>
                        <TextField label={`Choice ${index + 1}`} value={choice.label} onChange={(v) => set(["choices", index, "label"], v)} autoComplete="off" error={errors[`choices.${index}.label`]} />
                        <TextField label="Tag" value={choice.tag} onChange={(v) => set(["choices", index, "tag"], v)} autoComplete="off" error={errors[`choices.${index}.tag`]} helpText="Segments can filter on it." />
                      </FormLayout.Group>
                      <TextField label="Answer" value={choice.reply} onChange={(v) => set(["choices", index, "reply"], v)} autoComplete="off" error={errors[`choices.${index}.reply`]} />
                    </FormLayout>
                  ))}
                  {errors.choices && <Banner tone="critical">{errors.choices}</Banner>}
                  <InlineStack gap="200">
                    <Button disabled={settings.choices.length >= 9} onClick={() => set(["choices"], [...settings.choices, { label: "", tag: "", reply: "Thanks! We'll keep you posted." }])}>Add choice</Button>
                    <Button disabled={settings.choices.length <= 2} onClick={() => set(["choices"], settings.choices.slice(0, -1))}>Remove last choice</Button>
                  </InlineStack>
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Step 2: the offer</Text>
                  <Text as="p" tone="subdued">Sent only if the shopper has not ordered by then. An order, an opt-out or a person taking the thread stops the series.</Text>
                  <FormLayout>
                    <NumberField label="Days after step 1" value={settings.offerAfterDays} onChange={(v) => set(["offerAfterDays"], v)} error={errors.offerAfterDays} />
                    <OfferFields offer={settings.offer} onChange={(path, v) => set(["offer", ...path], v)} errors={errors} />
                    <TemplateField label="Offer text" value={settings.offerTemplate} onChange={(v) => set(["offerTemplate"], v)} error={errors.offerTemplate} variables={WELCOME_OFFER_VARIABLES} />
                    <Checkbox label="Attach a product image (MMS to US and Canadian numbers)" checked={settings.attachImage} onChange={(v) => set(["attachImage"], v)} />
                  </FormLayout>
                  <TextPreview template={settings.offerTemplate} sample={SAMPLE} pricing={loaded.pricing} first={false} withImage={settings.attachImage} testId="preview-offer" />
                </BlockStack>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>Save</Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <EstimateCard audience={loaded.audience} audienceLabel="new subscribers in the last 30 days" perText={perText} currency={loaded.pricing.currency} />
              <FlowStatsCard stats={loaded.stats} currency={loaded.pricing.currency} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Welcome series" />;
}
