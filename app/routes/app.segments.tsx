import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext } from "~/services.server";
import { SegmentBuilder } from "~/marketing/segment-builder";
import { describeRules, parseSegmentRules } from "~/marketing/segment-rules";
import { listSegments, removeSegment, saveSegment, segmentView, sizeOfSegment } from "~/marketing/segments.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const segments = await listSegments(appContext, shop.id);
  const views = await Promise.all(segments.map((segment) => segmentView(appContext, shop.id, segment.id)));
  const sized = views.flatMap((view) => (view ? [{ ...view, description: describeRules(view.rules) }] : []));
  return { segments: sized };
};

function parseJson(text: FormDataEntryValue | null): unknown {
  try {
    return JSON.parse(String(text ?? ""));
  } catch {
    return undefined;
  }
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  switch (form.get("intent")) {
    case "count": {
      const parsed = parseSegmentRules(parseJson(form.get("rules")));
      if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
      return Response.json({ size: await sizeOfSegment(appContext, shop.id, parsed.rules) });
    }
    case "save": {
      const saved = await saveSegment(appContext, shop.id, { name: form.get("name"), rules: parseJson(form.get("rules")) });
      if (!saved.ok) return Response.json({ fieldErrors: { [saved.field.split(".")[0]!]: saved.error } }, { status: 400 });
      return Response.json({ saved: saved.segment });
    }
    case "remove": {
      const count = await removeSegment(appContext, shop.id, String(form.get("id") ?? ""));
      return count > 0 ? Response.json({ removed: count }) : Response.json({ error: "No such segment of yours" }, { status: 404 });
    }
    default:
      return Response.json({ error: "Unknown action" }, { status: 400 });
  }
};

export default function Segments() {
  const { segments } = useLoaderData<typeof loader>();
  const errors = useActionData<{ fieldErrors?: Record<string, string> }>()?.fieldErrors ?? {};
  return (
    <Page title="Segments" subtitle="Who a campaign goes to. Only subscribers who can be texted marketing are ever counted in.">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              {segments.map((segment) => (
                <InlineStack key={segment.id} align="space-between" blockAlign="start" wrap={false}>
                  <BlockStack gap="100">
                    <InlineStack gap="200">
                      <Text as="h3" fontWeight="semibold">{segment.name}</Text>
                      {segment.readyMade && <Badge>Ready-made</Badge>}
                    </InlineStack>
                    <Text as="p" tone="subdued">{segment.description}</Text>
                    <Text as="p">
                      {segment.size.toLocaleString("en-US")} subscribers · left out: {segment.leftOut.noConsent} without consent, {segment.leftOut.optedOut} opted out,{" "}
                      {segment.leftOut.suppressed} suppressed
                    </Text>
                  </BlockStack>
                  {!segment.readyMade && (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={segment.id} />
                      <Button submit tone="critical" variant="plain">Remove</Button>
                    </Form>
                  )}
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <SegmentBuilder errors={errors} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Segments" />;
}
