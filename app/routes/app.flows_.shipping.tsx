import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, Layout, Page, Text, TextField } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { saveShippingSettings } from "~/flows/shipping/shipping-settings.server";
import { SHIPPING_MILESTONES, SHIPPING_SETTINGS_KEY, SHIPPING_VARIABLES, ShippingSettings } from "~/flows/shipping/shipping-settings";
import { AdminPageError } from "~/admin-page-error";

const MILESTONE_LABELS: Record<(typeof SHIPPING_MILESTONES)[number], string> = {
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  attempted_delivery: "Delivery attempted",
  delivered: "Delivered",
};
const RATING_TEXTS = [
  ["question", "Rating request"],
  ["thanks", "Answer to 4–5 ({{review_url}} is the shop's review link)"],
  ["apology", "Answer to 1–3 (a person follows up)"],
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings);
};

// Checkboxes arrive only when ticked; every field is named by its path in the settings.
function settingsFromForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  const step = (name: string) => ({ enabled: form.get(`${name}.enabled`) === "on", template: text(`${name}.template`) });
  return {
    enabled: form.get("enabled") === "on",
    ...Object.fromEntries(SHIPPING_MILESTONES.map((m) => [m, step(m)])),
    rating: {
      enabled: form.get("rating.enabled") === "on",
      delayDays: Number(text("rating.delayDays")),
      ...Object.fromEntries(RATING_TEXTS.map(([name]) => [name, text(`rating.${name}`)])),
    },
  };
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const result = await saveShippingSettings(appContext, shop.id, settingsFromForm(await request.formData()));
  return Response.json(result, { status: result.saved ? 200 : 400 });
};

type ActionResult = { fieldErrors?: Record<string, string>; saved?: boolean };

function Field({ name, label, initial, error, number }: { name: string; label: string; initial: string; error?: string; number?: boolean }) {
  const [value, setValue] = useState(initial);
  const shape = number ? { type: "number" as const } : { multiline: 2 };
  return <TextField label={label} name={name} value={value} onChange={setValue} autoComplete="off" error={error} {...shape} />;
}

function Toggle({ name, label, initial }: { name: string; label: string; initial: boolean }) {
  const [checked, setChecked] = useState(initial);
  return <Checkbox label={label} name={name} checked={checked} onChange={setChecked} />;
}

export default function ShippingTexts() {
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <Page title="Shipping texts">
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result?.saved && <Banner tone="success">Shipping texts saved.</Banner>}
              <Card>
                <BlockStack gap="300">
                  <Text as="p" tone="subdued">
                    Sent once per shipment to shoppers who agreed to order texts, between 8am and 9pm their time. Variables:{" "}
                    {SHIPPING_VARIABLES.map((v) => `{{${v}}}`).join(" ")}
                  </Text>
                  <Toggle name="enabled" label="Send shipping texts" initial={saved.enabled} />
                  {errors.enabled && <Banner tone="critical">{errors.enabled}</Banner>}
                  <FormLayout>
                    {SHIPPING_MILESTONES.map((m) => (
                      <BlockStack gap="200" key={m}>
                        <Toggle name={`${m}.enabled`} label={`Text when ${MILESTONE_LABELS[m].toLowerCase()}`} initial={saved[m].enabled} />
                        <Field name={`${m}.template`} label={MILESTONE_LABELS[m]} initial={saved[m].template} error={errors[`${m}.template`]} />
                      </BlockStack>
                    ))}
                  </FormLayout>
                </BlockStack>
              </Card>
              <Card>
                <FormLayout>
                  <Toggle name="rating.enabled" label="Ask for a 1–5 rating after delivery" initial={saved.rating.enabled} />
                  <Field name="rating.delayDays" label="Days after delivery" initial={String(saved.rating.delayDays)} error={errors["rating.delayDays"]} number />
                  {RATING_TEXTS.map(([name, label]) => (
                    <Field key={name} name={`rating.${name}`} label={label} initial={saved.rating[name]} error={errors[`rating.${name}`]} />
                  ))}
                </FormLayout>
              </Card>
              <Button submit variant="primary" loading={saving}>Save</Button>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Shipping texts" />;
}
