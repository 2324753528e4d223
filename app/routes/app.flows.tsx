import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { cartRecoverySettingsOf, MAX_RECOVERY_STEPS, RECOVERY_VARIABLES, type CartRecoverySettings } from "~/flows/cart-recovery/settings";
import { cartRecoveryFormInput, saveCartRecoverySettings } from "~/flows/cart-recovery/settings.server";
import { renderRecoveryText } from "~/flows/cart-recovery/recovery-text";
import { composeBody } from "~/messaging/compose-body";
import { measureText } from "~/messaging/segments";
import { useSavedToast } from "~/components/app-bridge-feedback";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "~/flows/shipping/shipping-settings";
import { AdminPageError } from "~/admin-page-error";
import { lifecycleFlowStats } from "~/flows/flow-stats.server";
import { isTelnyxConnected, lifecycleSettingsOf } from "~/flows/lifecycle-flow-pages.server";
import { LifecycleFlowsCard } from "~/components/lifecycle-flows-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return {
    settings: cartRecoverySettingsOf(shop.settings),
    brand: shop.brandName ?? shop.name,
    costPerSegment: Number(shop.costPerSegment),
    costPerMms: Number(shop.costPerMms),
    currency: shop.currency,
    telnyxConnected: isTelnyxConnected(shop),
    shippingOn: readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings).enabled,
    lifecycle: {
      on: {
        welcome: lifecycleSettingsOf(shop, "welcome").enabled,
        cross_sell: lifecycleSettingsOf(shop, "cross_sell").enabled,
        win_back: lifecycleSettingsOf(shop, "win_back").enabled,
        sign_up: lifecycleSettingsOf(shop, "sign_up").enabled,
      },
      stats: await lifecycleFlowStats(appContext, shop.id),
    },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const result = await saveCartRecoverySettings(appContext, shop.id, cartRecoveryFormInput(await request.formData()));
  return Response.json(result, { status: result.saved ? 200 : 400 });
};

type Step = CartRecoverySettings["steps"][number];
type StepFields = { delayHours: string; template: string; discountPercent: string };

const SAMPLE_CART = [
  { title: "Linen shirt", variant: "Blue / M", quantity: 1 },
  { title: "Canvas tote", variant: null, quantity: 1 },
];

function toFields(step: Step): StepFields {
  return { delayHours: String(step.delayHours), template: step.template, discountPercent: String(step.discountPercent) };
}

function StepPreview({ step, index, brand, costPerSegment, currency }: { step: StepFields; index: number; brand: string; costPerSegment: number; currency: string }) {
  const percent = Number(step.discountPercent) || 0;
  const text = composeBody(
    renderRecoveryText({
      template: step.template,
      firstName: "Ana",
      lines: SAMPLE_CART,
      link: "https://textback.app/r/Ab3dEf7h",
      shop: brand,
      discount: percent > 0 ? { code: "TB-7KQ2M9XW4P", percentage: percent } : null,
    }),
    "marketing",
    brand,
    index === 0,
  );
  const { segments, encoding } = measureText(text);
  const cost = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 4 }).format(segments * costPerSegment);
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="100">
        <Text as="p">{text}</Text>
        <Text as="p" tone="subdued" variant="bodySm" data-testid={`preview-${index}`}>
          {segments} {segments === 1 ? "segment" : "segments"} · {encoding} · about {cost} per text
        </Text>
      </BlockStack>
    </Box>
  );
}

export default function Flows() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<{ saved: boolean; fieldErrors?: Record<string, string> }>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  useSavedToast(result, result?.saved ? "Cart recovery saved" : null);
  const [enabled, setEnabled] = useState(loaded.settings.enabled);
  const [attachImage, setAttachImage] = useState(loaded.settings.attachImage);
  const [delay, setDelay] = useState(String(loaded.settings.abandonAfterMinutes));
  const [validHours, setValidHours] = useState(String(loaded.settings.discountValidHours));
  const [clickDays, setClickDays] = useState(String(loaded.settings.attribution.clickWindowDays));
  const [textHours, setTextHours] = useState(String(loaded.settings.attribution.textWindowHours));
  const [steps, setSteps] = useState(loaded.settings.steps.map(toFields));
  const setStep = (index: number, change: Partial<StepFields>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <Page title="Flows" subtitle="Texts that go out on their own. Every one passes consent, quiet hours and frequency caps.">
      <Form method="post">
        <input type="hidden" name="stepCount" value={steps.length} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <InlineStack align="space-between" blockAlign="center">
                  <BlockStack gap="100">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h2" variant="headingMd">Shipping texts</Text>
                      <Badge tone={loaded.shippingOn ? "success" : undefined}>{loaded.shippingOn ? "On" : "Off"}</Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">Shipped, out for delivery, delivered, and a rating request after delivery.</Text>
                  </BlockStack>
                  <Button url="/app/flows/shipping">Edit shipping texts</Button>
                </InlineStack>
              </Card>
              <LifecycleFlowsCard on={loaded.lifecycle.on} stats={loaded.lifecycle.stats} currency={loaded.currency} />
              {result?.saved && <Banner tone="success">Cart recovery saved.</Banner>}
              {result && !result.saved && <Banner tone="critical">Some settings need a fix before they can be saved.</Banner>}
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Cart recovery</Text>
                  <input type="hidden" name="enabled" value={String(enabled)} />
                  <Checkbox label="Text shoppers who leave a checkout" checked={enabled} onChange={setEnabled} error={errors.enabled} helpText={loaded.telnyxConnected ? "Only shoppers who agreed to marketing texts are texted." : "Connect Telnyx in Settings first."} />
                  <FormLayout>
                    <FormLayout.Group>
                      <TextField label="Abandoned after (minutes)" name="abandonAfterMinutes" type="number" value={delay} onChange={setDelay} autoComplete="off" error={errors.abandonAfterMinutes} helpText="Since the checkout was last updated." />
                      <TextField label="Discount codes valid for (hours)" name="discountValidHours" type="number" value={validHours} onChange={setValidHours} autoComplete="off" error={errors.discountValidHours} />
                    </FormLayout.Group>
                  </FormLayout>
                  <input type="hidden" name="attachImage" value={String(attachImage)} />
                  <Checkbox label="Attach the first product's image (MMS to US and Canadian numbers, SMS elsewhere)" checked={attachImage} onChange={setAttachImage} helpText={`An MMS costs about ${new Intl.NumberFormat("en-US", { style: "currency", currency: loaded.currency }).format(loaded.costPerMms)} whatever its length.`} />
                  <Text as="p" tone="subdued">
                    Variables: {RECOVERY_VARIABLES.map((v) => `{{${v}}}`).join(", ")}. US and Canadian shoppers get only the first step unless they reply.
                  </Text>
                </BlockStack>
              </Card>
              {steps.map((step, index) => (
                <Card key={index}>
                  <BlockStack gap="300">
                    <Text as="h3" variant="headingSm">Step {index + 1}</Text>
                    <FormLayout>
                      <FormLayout.Group>
                        <TextField label="Hours after abandonment" name={`steps.${index}.delayHours`} type="number" value={step.delayHours} onChange={(v) => setStep(index, { delayHours: v })} autoComplete="off" error={errors[`steps.${index}.delayHours`]} />
                        <TextField label="Discount (%)" name={`steps.${index}.discountPercent`} type="number" value={step.discountPercent} onChange={(v) => setStep(index, { discountPercent: v })} autoComplete="off" error={errors[`steps.${index}.discountPercent`]} helpText="0 for no discount. Each shopper gets a single-use code." />
                      </FormLayout.Group>
                      <TextField label="Text" name={`steps.${index}.template`} value={step.template} onChange={(v) => setStep(index, { template: v })} multiline={3} autoComplete="off" error={errors[`steps.${index}.template`]} />
                    </FormLayout>
                    <StepPreview step={step} index={index} brand={loaded.brand} costPerSegment={loaded.costPerSegment} currency={loaded.currency} />
                  </BlockStack>
                </Card>
              ))}
              {errors.steps && <Banner tone="critical">{errors.steps}</Banner>}
              <InlineStack gap="200">
                <Button disabled={steps.length >= MAX_RECOVERY_STEPS} onClick={() => setSteps((all) => [...all, { delayHours: String(Number(all.at(-1)?.delayHours ?? 0) + 24), template: "{{first_name}}, your cart is still here: {{link}}", discountPercent: "0" }])}>
                  Add step
                </Button>
                <Button disabled={steps.length <= 1} onClick={() => setSteps((all) => all.slice(0, -1))}>Remove last step</Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Attribution</Text>
                <Text as="p" tone="subdued">An order counts as recovered when the shopper clicked a recovery link, or got a recovery text, shortly before ordering.</Text>
                <TextField label="Click window (days)" name="attribution.clickWindowDays" type="number" value={clickDays} onChange={setClickDays} autoComplete="off" error={errors["attribution.clickWindowDays"]} />
                <TextField label="Text window (hours)" name="attribution.textWindowHours" type="number" value={textHours} onChange={setTextHours} autoComplete="off" error={errors["attribution.textWindowHours"]} />
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>Save</Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Flows" />;
}
