// Settings → AI answers. The key field always starts empty: a saved key is only ever "saved".
import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, Text, TextField } from "@shopify/polaris";
import type { AiAnswersSummary } from "./ai-answers-settings.server";

export function AiAnswersCard({ saved, errors, justSaved }: { saved: AiAnswersSummary; errors: Record<string, string>; justSaved: boolean }) {
  const [enabled, setEnabled] = useState(saved.enabled);
  const [baseUrl, setBaseUrl] = useState(saved.baseUrl);
  const [model, setModel] = useState(saved.model);
  const [apiKey, setApiKey] = useState("");
  const saving = useNavigation().formData?.get("intent") === "aiAnswers";
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="aiAnswers" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">AI answers</Text>
          <Text as="p" tone="subdued">
            For texts your FAQ and keywords don't answer, an AI model picks one of your FAQ entries and words the answer from it.
            An answer with a price, date, link or code that isn't in the entry is never sent: the thread goes to your team instead.
          </Text>
          {justSaved && <Banner tone="success">AI answers saved.</Banner>}
          <FormLayout>
            <Checkbox label="Answer with AI" name="ai.enabled" checked={enabled} onChange={setEnabled} error={errors["ai.enabled"]} />
            <TextField
              label="API base URL"
              name="ai.baseUrl"
              value={baseUrl}
              onChange={setBaseUrl}
              autoComplete="off"
              helpText="Any OpenAI-compatible chat API: https://api.openai.com/v1, or your own server such as Ollama (http://localhost:11434/v1) or vLLM (http://localhost:8000/v1)."
              error={errors["ai.baseUrl"]}
            />
            <TextField label="Model" name="ai.model" value={model} onChange={setModel} autoComplete="off" error={errors["ai.model"]} />
            <TextField
              label="API key"
              name="ai.apiKey"
              type="password"
              value={apiKey}
              onChange={setApiKey}
              autoComplete="off"
              helpText={saved.keySaved ? "A key is saved. Leave empty to keep it." : "No key saved yet."}
              error={errors["ai.apiKey"]}
            />
          </FormLayout>
          <Button submit loading={saving}>Save AI answers</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
