// Settings → the merchant's test numbers, and a test message to one of them. Only a listed
// number can be texted: a test is for the merchant's own phone, never a shopper's.
import { useState } from "react";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Select, Text, TextField } from "@shopify/polaris";

type TestResult = { message?: { status: string; reason: string | null }; error?: string };

const OUTCOME_TONE: Record<string, "critical" | "warning"> = { refused: "critical", held: "warning" };

function TestNumbersForm({ saved, error, justSaved }: { saved: string[]; error?: string; justSaved: boolean }) {
  const [numbers, setNumbers] = useState(saved.join("\n"));
  const saving = useNavigation().formData?.get("intent") === "testNumbers";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="testNumbers" />
      <BlockStack gap="200">
        {justSaved && <Banner tone="success">Test numbers saved.</Banner>}
        <TextField
          label="Test numbers"
          name="testNumbers"
          value={numbers}
          onChange={setNumbers}
          multiline={2}
          autoComplete="off"
          helpText="Your own mobile numbers, one a line. Test messages go only to these."
          error={error}
        />
        <Button submit loading={saving}>Save test numbers</Button>
      </BlockStack>
    </Form>
  );
}

function SendTestForm({ numbers }: { numbers: string[] }) {
  const fetcher = useFetcher<TestResult>();
  const [phone, setPhone] = useState(numbers[0] ?? "");
  const result = fetcher.data;
  if (numbers.length === 0) return <Text as="p" tone="subdued">Add a test number to send a test message.</Text>;
  return (
    <fetcher.Form method="post" action="/app/settings/test-message">
      <BlockStack gap="200">
        <Select label="Send to" name="phone" options={numbers} value={phone} onChange={setPhone} error={result?.error} />
        {result?.message && (
          <Banner tone={OUTCOME_TONE[result.message.status] ?? "success"}>{result.message.reason ?? "Test message on its way."}</Banner>
        )}
        <Button submit loading={fetcher.state !== "idle"}>Send test message</Button>
      </BlockStack>
    </fetcher.Form>
  );
}

export function TestMessageCard({ numbers, error, justSaved }: { numbers: string[]; error?: string; justSaved: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Send a test message</Text>
        <TestNumbersForm saved={numbers} error={error} justSaved={justSaved} />
        <SendTestForm key={numbers.join()} numbers={numbers} />
      </BlockStack>
    </Card>
  );
}
