import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, IndexTable, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext } from "~/services.server";
import { createApiKey, listApiKeys, parseApiKeyName, revokeApiKey } from "~/marketing/api-keys.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const time = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: shop.ianaTimezone });
  const keys = await listApiKeys(appContext, shop.id);
  return {
    keys: keys.map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      created: time.format(key.createdAt),
      lastUsed: key.lastUsedAt ? time.format(key.lastUsedAt) : null,
      revoked: key.revokedAt ? time.format(key.revokedAt) : null,
    })),
  };
};

type ActionResult = { key?: string; name?: string; fieldErrors?: { name?: string }; revoked?: boolean };

// The key is answered once, here, and never again: only its hash is kept.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    const revoked = await revokeApiKey(appContext, shop.id, String(form.get("id") ?? ""));
    return revoked ? Response.json({ revoked }) : Response.json({ error: "No such key" }, { status: 404 });
  }
  const name = parseApiKeyName(form.get("name"));
  if (!name.ok) return Response.json({ fieldErrors: { name: name.error } }, { status: 400 });
  const { key, summary } = await createApiKey(appContext, shop.id, name.name);
  return Response.json({ key, name: summary.name }, { headers: { "Cache-Control": "no-store" } });
};

function NewKey() {
  const fetcher = useFetcher<ActionResult>();
  const [name, setName] = useState("");
  const created = fetcher.data?.key;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Create a key</Text>
        <fetcher.Form method="post">
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <div style={{ flexGrow: 1 }}>
              <TextField label="Name" name="name" value={name} onChange={setName} autoComplete="off" placeholder="What will use it" error={fetcher.data?.fieldErrors?.name} />
            </div>
            <Button submit loading={fetcher.state !== "idle"}>Create key</Button>
          </InlineStack>
        </fetcher.Form>
        {created && (
          <Banner tone="warning" title={`Copy the key for “${fetcher.data?.name}” now: it is shown once`}>
            <BlockStack gap="200">
              <Text as="p" fontWeight="semibold"><code>{created}</code></Text>
              <InlineStack>
                <Button onClick={() => navigator.clipboard.writeText(created).then(() => window.shopify?.toast.show("Key copied"))}>Copy</Button>
              </InlineStack>
              <Text as="p">Send it as <code>Authorization: Bearer {"<key>"}</code> to /api/v1. Textback keeps only a fingerprint of it; a lost key cannot be shown again, only revoked and replaced.</Text>
            </BlockStack>
          </Banner>
        )}
      </BlockStack>
    </Card>
  );
}

function RevokeButton({ id, name }: { id: string; name: string }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" onSubmit={(event) => !window.confirm(`Revoke “${name}”? Requests with it will be refused.`) && event.preventDefault()}>
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="id" value={id} />
      <Button submit tone="critical" variant="plain" loading={fetcher.state !== "idle"}>Revoke</Button>
    </fetcher.Form>
  );
}

export default function ApiKeys() {
  const { keys } = useLoaderData<typeof loader>();
  return (
    <Page title="API keys" backAction={{ content: "Settings", url: "/app/settings" }}>
      <Layout>
        <Layout.AnnotatedSection title="The Textback API" description="Keys let your scripts and other apps add and read subscribers through /api/v1 (its description: /api/v1/openapi.json). Each key acts for this store.">
          <BlockStack gap="400">
            <NewKey />
            <Card padding="0">
              <IndexTable
                resourceName={{ singular: "key", plural: "keys" }}
                itemCount={keys.length}
                selectable={false}
                headings={[{ title: "Name" }, { title: "Key" }, { title: "Created" }, { title: "Last used" }, { title: "" }]}
                emptyState={<Box padding="400"><Text as="p" tone="subdued">No keys yet.</Text></Box>}
              >
                {keys.map((key, index) => (
                  <IndexTable.Row id={key.id} key={key.id} position={index}>
                    <IndexTable.Cell>{key.name}</IndexTable.Cell>
                    <IndexTable.Cell><code>{key.prefix}…</code></IndexTable.Cell>
                    <IndexTable.Cell>{key.created}</IndexTable.Cell>
                    <IndexTable.Cell>{key.lastUsed ?? "Never"}</IndexTable.Cell>
                    <IndexTable.Cell>{key.revoked ? <Badge>{`Revoked ${key.revoked}`}</Badge> : <RevokeButton id={key.id} name={key.name} />}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
          </BlockStack>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="API keys" />;
}
