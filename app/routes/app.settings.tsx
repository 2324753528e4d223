import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, Text, TextField } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { z } from "zod";
import { appContext, env } from "~/services.server";
import { saveStoreDetails, StoreDetailsInput } from "~/commerce/store-details.server";
import { useSavedToast } from "~/components/app-bridge-feedback";
import {
  InvalidSendingNumberError,
  saveTelnyxCredentials,
  TelnyxCredentialsInput,
  telnyxConnectionSummary,
} from "~/messaging/telnyx-credentials.server";
import { AdminPageError } from "~/admin-page-error";
import { TestMessageCard } from "~/messaging/test-message-card";
import { parseTestNumbers, saveTestNumbers, testNumbersOf } from "~/messaging/test-numbers.server";
import { sendingLimitsOf, SendingLimitsInput } from "~/messaging/sending-limits";
import { saveSendingLimits } from "~/messaging/sending-limits.server";
import { SendingLimitsCard } from "~/messaging/sending-limits-card";
import { aiAnswersSummary, saveAiAnswers } from "~/conversations/ai/ai-answers-settings.server";
import { AiAnswersCard } from "~/conversations/ai/ai-answers-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return {
    ...telnyxConnectionSummary(shop, env.TEXTBACK_ENCRYPTION_KEY),
    webhookUrl: `${env.SHOPIFY_APP_URL.replace(/\/+$/, "")}/webhooks/telnyx`,
    store: {
      brandName: shop.brandName ?? shop.name,
      supportEmail: shop.supportEmail ?? "",
      returnsUrl: shop.returnsUrl ?? "",
      reviewUrl: shop.reviewUrl ?? "",
      costPerSegment: String(shop.costPerSegment),
    },
    testNumbers: testNumbersOf(shop),
    sendingLimits: sendingLimitsOf(shop),
    aiAnswers: aiAnswersSummary(shop),
  };
};

function fieldErrorsOf(error: z.ZodError) {
  return Object.fromEntries(error.issues.map((issue) => [issue.path[0], issue.message]));
}

async function saveStore(shopId: string, form: FormData) {
  const parsed = StoreDetailsInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return Response.json({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  await saveStoreDetails(appContext, shopId, parsed.data);
  return Response.json({ saved: true, savedStore: true });
}

async function saveTestNumberList(shopId: string, form: FormData) {
  const parsed = parseTestNumbers(String(form.get("testNumbers") ?? ""));
  if (!parsed.ok) return Response.json({ fieldErrors: { testNumbers: parsed.error } }, { status: 400 });
  await saveTestNumbers(appContext, shopId, parsed.numbers);
  return Response.json({ saved: true, savedTestNumbers: true });
}

async function saveLimits(shopId: string, form: FormData) {
  const parsed = SendingLimitsInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return Response.json({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  await saveSendingLimits(appContext, shopId, parsed.data);
  return Response.json({ saved: true, savedSendingLimits: true });
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  if (form.get("intent") === "store") return saveStore(shop.id, form);
  if (form.get("intent") === "testNumbers") return saveTestNumberList(shop.id, form);
  if (form.get("intent") === "sendingLimits") return saveLimits(shop.id, form);
  if (form.get("intent") === "aiAnswers") {
    const result = await saveAiAnswers(appContext, shop.id, Object.fromEntries(form), env.TEXTBACK_ENCRYPTION_KEY);
    return result.saved ? Response.json({ saved: true, savedAiAnswers: true }) : Response.json(result, { status: 400 });
  }
  const parsed = TelnyxCredentialsInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return Response.json({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    await saveTelnyxCredentials(appContext, shop.id, parsed.data, env.TEXTBACK_ENCRYPTION_KEY);
  } catch (error) {
    if (error instanceof InvalidSendingNumberError) {
      return Response.json({ fieldErrors: { sendingNumber: error.message } }, { status: 400 });
    }
    throw error;
  }
  return Response.json({ saved: true });
};

type ActionResult = {
  fieldErrors?: Record<string, string>;
  saved?: boolean;
  savedStore?: boolean;
  savedTestNumbers?: boolean;
  savedSendingLimits?: boolean;
  savedAiAnswers?: boolean;
};
type CheckResult = { ok: boolean; message: string };

function ConnectionCheckCard({ webhookUrl }: { webhookUrl: string }) {
  const fetcher = useFetcher<CheckResult>();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Check the connection</Text>
        <TextField label="Webhook URL for your Telnyx messaging profile" value={webhookUrl} readOnly autoComplete="off" helpText="Paste it into Mission Control → Messaging → your profile → Inbound and Outbound webhook URL." />
        {fetcher.data && <Banner tone={fetcher.data.ok ? "success" : "critical"}>{fetcher.data.message}</Banner>}
        <fetcher.Form method="post" action="/app/settings/check-connection">
          <Button submit loading={fetcher.state !== "idle"}>Check connection</Button>
        </fetcher.Form>
      </BlockStack>
    </Card>
  );
}

function StoreDetailsCard({ store, result }: { store: Record<"brandName" | "supportEmail" | "returnsUrl" | "reviewUrl" | "costPerSegment", string>; result?: ActionResult }) {
  const [fields, setFields] = useState(store);
  const saving = useNavigation().formData?.get("intent") === "store";
  const errors = result?.fieldErrors ?? {};
  const field = (name: keyof typeof store, label: string, helpText?: string) => (
    <TextField label={label} name={name} value={fields[name]} onChange={(value) => setFields((all) => ({ ...all, [name]: value }))} autoComplete="off" error={errors[name]} helpText={helpText} />
  );
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="store" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Your store in texts</Text>
          {result?.savedStore && <Banner tone="success">Store details saved.</Banner>}
          <FormLayout>
            {field("brandName", "Brand name", "Opens the first text of every flow.")}
            {field("supportEmail", "Support email", "Named in the answer to HELP.")}
            {field("returnsUrl", "Returns link")}
            {field("reviewUrl", "Review link", "Sent to shoppers who rate their order 4 or 5.")}
            {field("costPerSegment", "Price per segment", "What your Telnyx plan charges per SMS segment; used for cost estimates.")}
          </FormLayout>
          <Button submit loading={saving}>Save store details</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
export default function Settings() {
  const saved = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const saving = useNavigation().state === "submitting";
  const [apiKey, setApiKey] = useState("");
  const [profileId, setProfileId] = useState(saved.messagingProfileId);
  const [number, setNumber] = useState(saved.sendingNumber);
  const errors = result?.fieldErrors ?? {};
  useSavedToast(result, result?.saved ? "Settings saved" : null);
  return (
    <Page title="Settings" secondaryActions={[{ content: "API keys", url: "/app/settings/api-keys" }]}>
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Telnyx connection</Text>
                {result?.saved && !result.savedStore && !result.savedTestNumbers && !result.savedSendingLimits && !result.savedAiAnswers && <Banner tone="success">Settings saved.</Banner>}
                <FormLayout>
                  <TextField
                    label="API key"
                    name="apiKey"
                    type="password"
                    value={apiKey}
                    onChange={setApiKey}
                    autoComplete="off"
                    helpText={saved.apiKeyEnding ? `A key ending in ${saved.apiKeyEnding} is saved. Leave empty to keep it.` : "From Mission Control → API keys."}
                    error={errors.apiKey}
                  />
                  <TextField label="Messaging profile ID" name="messagingProfileId" value={profileId} onChange={setProfileId} autoComplete="off" error={errors.messagingProfileId} />
                  <TextField label="Sending number" name="sendingNumber" value={number} onChange={setNumber} autoComplete="off" error={errors.sendingNumber} />
                </FormLayout>
                <Button submit variant="primary" loading={saving}>Save</Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ConnectionCheckCard webhookUrl={saved.webhookUrl} />
            <TestMessageCard numbers={saved.testNumbers} error={errors.testNumbers} justSaved={Boolean(result?.savedTestNumbers)} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <SendingLimitsCard saved={saved.sendingLimits} errors={errors} justSaved={Boolean(result?.savedSendingLimits)} />
        </Layout.Section>
        <Layout.Section>
          <StoreDetailsCard store={saved.store} result={result} />
        </Layout.Section>
        <Layout.Section>
          <AiAnswersCard saved={saved.aiAnswers} errors={errors} justSaved={Boolean(result?.savedAiAnswers)} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Settings" />;
}
