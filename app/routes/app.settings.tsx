import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { appContext, env } from "~/services.server";
import {
  InvalidSendingNumberError,
  saveTelnyxCredentials,
  TelnyxCredentialsInput,
  telnyxConnectionSummary,
} from "~/messaging/telnyx-credentials.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return telnyxConnectionSummary(shop, env.TEXTBACK_ENCRYPTION_KEY);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = TelnyxCredentialsInput.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
    return Response.json({ fieldErrors }, { status: 400 });
  }
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

type ActionResult = { fieldErrors?: Record<string, string>; saved?: boolean };
type TestResult = { message?: { status: string; reason: string | null }; error?: string };

const OUTCOME_TONE: Record<string, "critical" | "warning"> = { refused: "critical", held: "warning" };

function TestMessageCard() {
  const fetcher = useFetcher<TestResult>();
  const [phone, setPhone] = useState("");
  const result = fetcher.data;
  return (
    <Card>
      <fetcher.Form method="post" action="/app/settings/test-message">
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Send a test message</Text>
          <TextField label="Your mobile number" name="phone" value={phone} onChange={setPhone} autoComplete="tel" error={result?.error} />
          {result?.message && (
            <Banner tone={OUTCOME_TONE[result.message.status] ?? "success"}>
              {result.message.reason ?? "Test message on its way."}
            </Banner>
          )}
          <Button submit loading={fetcher.state !== "idle"}>Send test message</Button>
        </BlockStack>
      </fetcher.Form>
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
  const [numberType, setNumberType] = useState(saved.sendingNumberType);
  const errors = result?.fieldErrors ?? {};
  return (
    <Page title="Settings">
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Telnyx connection</Text>
                {result?.saved && <Banner tone="success">Settings saved.</Banner>}
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
                  <Select
                    label="Number type"
                    name="sendingNumberType"
                    options={[
                      { label: "Long code (1 text per second)", value: "long_code" },
                      { label: "Toll-free (20 texts per second)", value: "toll_free" },
                    ]}
                    value={numberType}
                    onChange={setNumberType}
                  />
                </FormLayout>
                <Button submit variant="primary" loading={saving}>Save</Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TestMessageCard />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
