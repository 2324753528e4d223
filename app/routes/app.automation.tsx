import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Badge, Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import type { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { appContext, messagingDeps } from "~/services.server";
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
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "~/conversations/routing/automation-settings";
import { previewAnswer, type AnswerPreview } from "~/conversations/routing/preview-answer.server";
import {
  addPhrasing,
  EntryTopicInput,
  faqEntriesView,
  PhrasingInput,
  PrecisionTargetInput,
  removePhrasing,
  saveEntryTopic,
  savePrecisionTarget,
} from "~/conversations/understanding/faq-entries.server";
import { INTENT_CHOICES, PRECISION_TARGETS } from "~/conversations/understanding/intents";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { AdminPageError } from "~/admin-page-error";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [faq, keywords] = await Promise.all([
    faqEntriesView(appContext, shop),
    appContext.db.keywordRule.findMany({ where: { shopId: shop.id, kind: "custom" }, orderBy: { keyword: "asc" } }),
  ]);
  return {
    faq,
    precisionTarget: readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings).precisionTarget,
    keywords: keywords.map(({ id, keyword, answer }) => ({ id, keyword, answer })),
    away: awaySettingsOf(shop, DEFAULT_AWAY_MESSAGE),
    timeZone: shop.ianaTimezone,
  };
};

// Nothing removed means no such entry in this shop: another shop's id is not found, not forbidden.
function removed(count: number) {
  return count > 0 ? Response.json({ removed: count }) : Response.json({ error: "No such entry" }, { status: 404 });
}

function updated(count: number) {
  return count > 0 ? Response.json({ saved: true }) : Response.json({ error: "No such entry" }, { status: 404 });
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
      return Response.json({ preview: await previewAnswer(appContext, shop, text, messagingDeps.encryptionKey) });
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
    case "save-topic": {
      const parsed = EntryTopicInput.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      return updated(await saveEntryTopic(appContext, shop.id, parsed.data));
    }
    case "add-phrasing":
    case "remove-phrasing": {
      const parsed = PhrasingInput.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      return updated(await (form.intent === "add-phrasing" ? addPhrasing : removePhrasing)(appContext, shop.id, parsed.data));
    }
    case "save-precision": {
      const parsed = PrecisionTargetInput.safeParse(form);
      if (!parsed.success) return invalid(parsed.error);
      await savePrecisionTarget(appContext, shop, parsed.data.precisionTarget);
      return Response.json({ saved: true });
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

const intentLabel = (value: string) => INTENT_CHOICES.find((choice) => choice.value === value)?.label ?? value;

type FaqEntryView = Awaited<ReturnType<typeof faqEntriesView>>[number];

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function FaqEntryRow({ entry }: { entry: FaqEntryView }) {
  const [topic, setTopic] = useState(entry.topic ?? entry.suggestion?.intent ?? "own");
  const [phrasing, setPhrasing] = useState("");
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="start" wrap={false}>
        <BlockStack gap="100">
          <Text as="p" fontWeight="semibold">{entry.question}</Text>
          <Text as="p">{entry.answer}</Text>
        </BlockStack>
        <RemoveButton intent="remove-faq" id={entry.id} />
      </InlineStack>
      <Form method="post">
        <HiddenFields fields={{ intent: "save-topic", id: entry.id }} />
        <InlineStack gap="200" blockAlign="end">
          <Select label="Answers" name="topic" options={INTENT_CHOICES} value={topic} onChange={setTopic} />
          {!entry.topic && entry.suggestion && <Badge tone="attention">{`Suggested: ${intentLabel(entry.suggestion.intent)}`}</Badge>}
          <Button submit>{entry.topic ? "Save" : "Confirm"}</Button>
        </InlineStack>
      </Form>
      {entry.phrasings.map((p) => (
        <InlineStack key={p.text} gap="200" blockAlign="center">
          <Text as="span">“{p.text}”</Text>
          <Badge tone={p.learnt ? "success" : undefined}>{p.learnt ? "Learnt: similar texts answered too" : `Answered as written; similar texts ${Math.round(100 * p.confidence)} % sure`}</Badge>
          <Form method="post">
            <HiddenFields fields={{ intent: "remove-phrasing", id: entry.id, phrasing: p.text }} />
            <Button submit variant="plain" tone="critical">Remove</Button>
          </Form>
        </InlineStack>
      ))}
      <Form method="post" onSubmit={() => setPhrasing("")}>
        <HiddenFields fields={{ intent: "add-phrasing", id: entry.id }} />
        <InlineStack gap="200" blockAlign="end">
          <TextField label="Another way shoppers ask this" name="phrasing" value={phrasing} onChange={setPhrasing} autoComplete="off" />
          <Button submit>Add phrasing</Button>
        </InlineStack>
      </Form>
    </BlockStack>
  );
}

function PrecisionCard({ precisionTarget }: { precisionTarget: number }) {
  const [value, setValue] = useState(String(precisionTarget));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-precision" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">How sure before answering</Text>
          <Text as="p" tone="subdued">An FAQ answer is sent only when it is at least this likely to be right; the rest go to your team.</Text>
          <Select label="Precision target" name="precisionTarget" value={value} onChange={setValue} options={PRECISION_TARGETS.map((t) => ({ value: String(t), label: `${Math.round(100 * t)} %` }))} />
          <InlineStack><Button submit>Save</Button></InlineStack>
        </BlockStack>
      </Form>
    </Card>
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
              <BlockStack gap="100">
                <p data-testid="preview-reply">{preview.reply}</p>
                {preview.understanding && (
                  <p data-testid="preview-understanding">
                    Understood as <b>{intentLabel(preview.understanding.intent)}</b>, {preview.understanding.confidence === null ? "chosen by the AI model" : `${Math.round(100 * preview.understanding.confidence)} % sure`}
                    {preview.understanding.entry ? `; entry: "${preview.understanding.entry.question}"` : "; no entry answers it"}
                  </p>
                )}
              </BlockStack>
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
  const { faq, keywords, away, timeZone, precisionTarget } = useLoaderData<typeof loader>();
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
              <Text as="p" tone="subdued">A text is read as one of the intents below; the entry that answers that intent replies when the reading is at least as sure as your precision target. Add the ways your shoppers ask to teach it.</Text>
              {faq.map((entry) => <FaqEntryRow key={entry.id} entry={entry} />)}
              <AddForm intent="add-faq" fields={[["question", "Question"], ["answer", "Answer"]]} errors={errors} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
          <PrecisionCard precisionTarget={precisionTarget} />
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
          </BlockStack>
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
