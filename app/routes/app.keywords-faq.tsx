import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { BlockStack, Button, Card, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import type { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import {
  addFaqEntry,
  FaqEntryInput,
  keywordRuleInput,
  removeFaqEntry,
  removeKeywordRule,
  saveKeywordRule,
} from "~/conversations/routing/knowledge-base.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [faq, keywords] = await Promise.all([
    appContext.db.faqEntry.findMany({ where: { shopId: shop.id }, orderBy: { createdAt: "asc" } }),
    appContext.db.keywordRule.findMany({ where: { shopId: shop.id, kind: "custom" }, orderBy: { keyword: "asc" } }),
  ]);
  return {
    faq: faq.map(({ id, question, answer }) => ({ id, question, answer })),
    keywords: keywords.map(({ id, keyword, answer }) => ({ id, keyword, answer })),
  };
};

function invalid(error: z.ZodError) {
  const fieldErrors = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
  return Response.json({ fieldErrors }, { status: 400 });
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = Object.fromEntries(await request.formData());
  const id = String(form.id ?? "");
  switch (form.intent) {
    case "add-faq": {
      const parsed = FaqEntryInput.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      return Response.json({ saved: await addFaqEntry(appContext, shop.id, parsed.data) });
    }
    case "save-keyword": {
      const parsed = keywordRuleInput(shop.optInKeywords).safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      return Response.json({ saved: await saveKeywordRule(appContext, shop.id, parsed.data) });
    }
    case "remove-faq":
      return Response.json({ removed: await removeFaqEntry(appContext, shop.id, id) });
    case "remove-keyword":
      return Response.json({ removed: await removeKeywordRule(appContext, shop.id, id) });
    default:
      return Response.json({ error: "Unknown intent" }, { status: 400 });
  }
};

type ActionResult = { fieldErrors?: Record<string, string> };

function RemoveButton({ intent, id }: { intent: string; id: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button submit variant="plain" tone="critical">Remove</Button>
    </Form>
  );
}

function AddForm({ intent, fields, errors }: { intent: string; fields: [string, string][]; errors: Record<string, string> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <FormLayout>
        {fields.map(([name, label]) => (
          <TextField key={name} label={label} name={name} value={values[name] ?? ""} onChange={(v) => setValues({ ...values, [name]: v })} autoComplete="off" error={errors[name]} />
        ))}
        <Button submit>Add</Button>
      </FormLayout>
    </Form>
  );
}

export default function KeywordsAndFaq() {
  const { faq, keywords } = useLoaderData<typeof loader>();
  const errors = useActionData<ActionResult>()?.fieldErrors ?? {};
  return (
    <Page title="Keywords & FAQ">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">FAQ answers</Text>
              <Text as="p" tone="subdued">Texts that clearly ask one of these questions get its answer; anything unclear goes to your team.</Text>
              {faq.map((entry) => (
                <InlineStack key={entry.id} align="space-between" blockAlign="start" wrap={false}>
                  <BlockStack gap="100">
                    <Text as="p" fontWeight="semibold">{entry.question}</Text>
                    <Text as="p">{entry.answer}</Text>
                  </BlockStack>
                  <RemoveButton intent="remove-faq" id={entry.id} />
                </InlineStack>
              ))}
              <AddForm intent="add-faq" fields={[["question", "Question"], ["answer", "Answer"]]} errors={errors} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Keywords</Text>
              <Text as="p" tone="subdued">Built in: STATUS (latest order and tracking) and RETURN (your returns link).</Text>
              {keywords.map((rule) => (
                <InlineStack key={rule.id} align="space-between" blockAlign="start" wrap={false}>
                  <Text as="p"><b>{rule.keyword}</b>: {rule.answer}</Text>
                  <RemoveButton intent="remove-keyword" id={rule.id} />
                </InlineStack>
              ))}
              <AddForm intent="save-keyword" fields={[["keyword", "Keyword"], ["answer", "Answer"]]} errors={errors} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
