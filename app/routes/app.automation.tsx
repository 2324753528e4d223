import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Badge, Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
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
import { AwaySettingsInput, awaySettingsOf, saveAwaySettings } from "~/conversations/routing/away-settings.server";
import { DEFAULT_AWAY_MESSAGE } from "~/conversations/routing/automation-settings";
import { previewAnswer, type AnswerPreview } from "~/conversations/routing/preview-answer.server";
import { AdminPageError } from "~/admin-page-error";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [faq, keywords] = await Promise.all([
    appContext.db.faqEntry.findMany({ where: { shopId: shop.id }, orderBy: { createdAt: "asc" } }),
    appContext.db.keywordRule.findMany({ where: { shopId: shop.id, kind: "custom" }, orderBy: { keyword: "asc" } }),
  ]);
  return {
    faq: faq.map(({ id, question, answer }) => ({ id, question, answer })),
    keywords: keywords.map(({ id, keyword, answer }) => ({ id, keyword, answer })),
    away: awaySettingsOf(shop, DEFAULT_AWAY_MESSAGE),
    timeZone: shop.ianaTimezone,
  };
};

// Nothing removed means no such entry in this shop: another shop's id is not found, not forbidden.
function removed(count: number) {
  return count > 0 ? Response.json({ removed: count }) : Response.json({ error: "No such entry" }, { status: 404 });
}

function invalid(error: z.ZodError) {
  const fieldErrors = Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message]));
  return Response.json({ fieldErrors }, { status: 400 });
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  const id = String(form.id ?? "");
  switch (form.intent) {
    case "preview": {
      const text = String(form.text ?? "").trim().slice(0, 1_600);
      if (!text) return Response.json({ error: "Type a message to try" }, { status: 400 });
      return Response.json({ preview: await previewAnswer(appContext, shop, text) });
    }
    case "save-away": {
      const parsed = AwaySettingsInput.safeParse({ ...form, days: formData.getAll("days") });
      if (!parsed.success) return invalid(parsed.error);
      await saveAwaySettings(appContext, shop.id, parsed.data);
      return Response.json({ saved: true });
    }
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
      return removed(await removeFaqEntry(appContext, shop.id, id));
    case "remove-keyword":
      return removed(await removeKeywordRule(appContext, shop.id, id));
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

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function TryMessageCard() {
  const fetcher = useFetcher<{ preview?: AnswerPreview; error?: string }>();
  const [text, setText] = useState("");
  const preview = fetcher.data?.preview;
  return (
    <Card>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="preview" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Try a shopper message</Text>
          <TextField label="Shopper's text" name="text" value={text} onChange={setText} autoComplete="off" error={fetcher.data?.error} helpText="Nothing is sent: this shows what would answer it." />
          <InlineStack><Button submit loading={fetcher.state !== "idle"}>Try it</Button></InlineStack>
          {preview && (
            <Banner tone={preview.needsPerson ? "warning" : "success"} title={`Answered by ${preview.answeredBy}${preview.needsPerson ? " — the thread will need a reply" : ""}`}>
              <p data-testid="preview-reply">{preview.reply}</p>
            </Banner>
          )}
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

function AwayCard({ away, timeZone, errors }: { away: { start: number; end: number; days: number[]; awayMessage: string; set: boolean }; timeZone: string; errors: Record<string, string> }) {
  const [start, setStart] = useState(String(away.start));
  const [end, setEnd] = useState(String(away.end));
  const [days, setDays] = useState(away.days);
  const [message, setMessage] = useState(away.awayMessage);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-away" />
        {days.map((day) => <input type="hidden" name="days" value={day} key={day} />)}
        <BlockStack gap="300">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">Business hours</Text>
            {!away.set && <Badge>Not set: always open</Badge>}
          </InlineStack>
          <Text as="p" tone="subdued">In {timeZone}. Outside these hours a text that needs your team gets the away message.</Text>
          <FormLayout>
            <FormLayout.Group>
              <TextField label="Opens at (hour)" name="start" type="number" value={start} onChange={setStart} autoComplete="off" error={errors.start} />
              <TextField label="Closes at (hour)" name="end" type="number" value={end} onChange={setEnd} autoComplete="off" error={errors.end} />
            </FormLayout.Group>
            <InlineStack gap="300">
              {DAY_NAMES.map((name, day) => (
                <Checkbox key={name} label={name.slice(0, 3)} checked={days.includes(day)} onChange={(on) => setDays((all) => (on ? [...all, day] : all.filter((d) => d !== day)))} />
              ))}
            </InlineStack>
            {errors.days && <Text as="p" tone="critical">{errors.days}</Text>}
            <TextField label="Away message" name="awayMessage" value={message} onChange={setMessage} multiline={2} autoComplete="off" error={errors.awayMessage} />
          </FormLayout>
          <InlineStack><Button submit>Save business hours</Button></InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

export default function Automation() {
  const { faq, keywords, away, timeZone } = useLoaderData<typeof loader>();
  const errors = useActionData<ActionResult>()?.fieldErrors ?? {};
  return (
    <Page title="Automation" subtitle="Keywords, FAQ answers and business hours: how shoppers' texts get answered on their own.">
      <Layout>
        <Layout.Section>
          <TryMessageCard />
        </Layout.Section>
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
        <Layout.Section>
          <AwayCard away={away} timeZone={timeZone} errors={errors} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Automation" />;
}
