import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { appContext } from "~/services.server";
import { AdminPageError } from "~/admin-page-error";
import { SIGN_UP_CONFIRMATION_VARIABLES } from "~/flows/sign-up/sign-up-settings";
import { signUpsBySource } from "~/analytics/sign-ups-by-source.server";
import { loadLifecycleFlow, saveLifecycleFlow } from "~/lifecycle-flow-route.server";
import { NumberField, TemplateField } from "~/components/lifecycle-flow-fields";
import { LifecycleFlowPage, useLifecycleFlowForm } from "~/components/lifecycle-flow-page";
import { formatCount } from "~/analytics/figure-format";
import { renderTemplate } from "~/flows/templates";

const DAY_MS = 86_400_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, flow } = await loadLifecycleFlow(request, "sign_up");
  const since = new Date(appContext.clock.now().getTime() - 30 * DAY_MS);
  const counts = await signUpsBySource(appContext, shop.id, since);
  return {
    ...flow,
    sources: [
      { source: "form", label: "Sign-up form", count: counts.form },
      { source: "keyword", label: "Keyword (JOIN)", count: counts.keyword },
      { source: "checkout", label: "Checkout", count: counts.checkout },
      { source: "import", label: "Imports (CSV, Shopify, API)", count: counts.import.csv + counts.import.shopify + counts.import.api },
      { source: "other", label: "Other (your team, Shopify)", count: counts.other },
    ],
    themeEditorUrl: `https://${shop.domain}/admin/themes/current/editor?context=apps`,
  };
};

export const action = ({ request }: ActionFunctionArgs) => saveLifecycleFlow(request, "sign_up");

export default function SignUpForm() {
  const loaded = useLoaderData<typeof loader>();
  const form = useLifecycleFlowForm(loaded.settings, "Sign-up form saved");
  const { settings, set, errors } = form;
  return (
    <LifecycleFlowPage
      title="Sign-up form"
      subtitle="A popup or tab on your storefront that grows your list with confirmed opt-ins."
      form={form}
      aside={<NewSubscribersCard sources={loaded.sources} />}
    >
      <Card>
        <BlockStack gap="300">
          <Checkbox label="Show the sign-up form on my storefront" checked={settings.enabled} onChange={(v) => set(["enabled"], v)} error={errors.enabled} helpText={loaded.telnyxConnected ? "Then switch on the Textback sign-up app embed in your theme editor." : "Connect Telnyx in Settings first."} />
          <InlineStack>
            <Button url={loaded.themeEditorUrl} target="_blank">Open the theme editor</Button>
          </InlineStack>
          <FormLayout>
            <FormLayout.Group>
              <Select label="Opens as" options={[{ label: "Popup", value: "popup" }, { label: "Teaser tab", value: "teaser" }]} value={settings.placement} onChange={(v) => set(["placement"], v)} />
              <NumberField label="Popup after (seconds)" value={settings.delaySeconds} onChange={(v) => set(["delaySeconds"], v)} error={errors.delaySeconds} />
            </FormLayout.Group>
            <Checkbox label="Also open when the visitor is about to leave (exit intent)" checked={settings.exitIntent} onChange={(v) => set(["exitIntent"], v)} />
            <TextField label="Headline" value={settings.headline} onChange={(v) => set(["headline"], v)} autoComplete="off" error={errors.headline} />
            <TextField label="Text" value={settings.body} onChange={(v) => set(["body"], v)} autoComplete="off" error={errors.body} helpText="Your consent disclosure is shown under the phone field, the same words as at checkout (Compliance)." />
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Confirmation</Text>
          <Text as="p" tone="subdued">A number typed into a form is not consent by itself: it joins your list only when the shopper replies Y. Nothing else is sent to it before then.</Text>
          <TemplateField label="Confirmation text" value={settings.confirmation} onChange={(v) => set(["confirmation"], v)} error={errors.confirmation} variables={SIGN_UP_CONFIRMATION_VARIABLES} />
          <Text as="p" data-testid="preview-confirmation">{renderTemplate(settings.confirmation, { shop: loaded.pricing.brand })}</Text>
          <NumberField label="Unconfirmed sign-ups expire after (hours)" value={settings.confirmWithinHours} onChange={(v) => set(["confirmWithinHours"], v)} error={errors.confirmWithinHours} />
        </BlockStack>
      </Card>
    </LifecycleFlowPage>
  );
}

function NewSubscribersCard({ sources }: { sources: { source: string; label: string; count: number }[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">New subscribers, last 30 days</Text>
        {sources.map((row) => (
          <InlineStack key={row.source} align="space-between">
            <Text as="span">{row.label}</Text>
            <Text as="span" data-testid={`sign-ups-${row.source}`}>{formatCount(row.count)}</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Sign-up form" />;
}
