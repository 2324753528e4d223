import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { WELCOME_OFFER_VARIABLES, WELCOME_VARIABLES } from "~/flows/welcome/welcome-settings";
import { newSubscribersLastMonth } from "~/flows/lifecycle-flow-pages.server";
import { flowStats } from "~/flows/flow-stats.server";
import { loadLifecycleFlow, saveLifecycleFlow } from "~/lifecycle-flow-route.server";
import { FlowAside, NumberField, OfferFields, SwitchAndHoldout, TemplateField, TextPreview } from "~/components/lifecycle-flow-fields";
import { LifecycleFlowPage, useLifecycleFlowForm } from "~/components/lifecycle-flow-page";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, flow } = await loadLifecycleFlow(request, "welcome");
  return { ...flow, audience: await newSubscribersLastMonth(appContext, shop.id), stats: await flowStats(appContext, shop.id, "welcome") };
};

export const action = ({ request }: ActionFunctionArgs) => saveLifecycleFlow(request, "welcome");

const SAMPLE = { first_name: "Ana", link: "https://textback.app/r/Ab3dEf7h" };

export default function WelcomeSeries() {
  const loaded = useLoaderData<typeof loader>();
  const form = useLifecycleFlowForm(loaded.settings, "Welcome series saved");
  const { settings, set, errors } = form;
  return (
    <LifecycleFlowPage
      title="Welcome series"
      subtitle="Greets every new subscriber with a question, tags them by their answer, and sends an offer if they have not ordered."
      form={form}
      aside={<FlowAside audience={loaded.audience} audienceLabel="new subscribers in the last 30 days" withImage={settings.attachImage} pricing={loaded.pricing} stats={loaded.stats} />}
    >
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
          <TextPreview template={settings.offerTemplate} sample={SAMPLE} offerPercent={settings.offer.percent} pricing={loaded.pricing} first={false} withImage={settings.attachImage} testId="preview-offer" />
        </BlockStack>
      </Card>
    </LifecycleFlowPage>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Welcome series" />;
}
