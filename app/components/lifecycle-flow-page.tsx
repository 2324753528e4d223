// The frame every lifecycle flow page shares: the settings edited as one object and posted as
// JSON, the saved or refused banner and toast, the Save button, and a side column.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useSavedToast } from "./app-bridge-feedback";
import { SettingsInput, useFlowSettings, type FieldErrors } from "./lifecycle-flow-fields";

type SaveResult = { saved: boolean; fieldErrors?: FieldErrors };

export function useLifecycleFlowForm<T extends object>(initial: T, savedMessage: string) {
  const result = useActionData<SaveResult>();
  const saving = useNavigation().state === "submitting";
  useSavedToast(result, result?.saved ? savedMessage : null);
  const { settings, set } = useFlowSettings(initial);
  return { settings, set, result, saving, savedMessage, errors: result?.fieldErrors ?? {} };
}

interface LifecycleFlowPageProps {
  title: string;
  subtitle: string;
  form: Pick<ReturnType<typeof useLifecycleFlowForm>, "settings" | "result" | "saving" | "savedMessage" | "errors">;
  aside: ReactNode;
  children: ReactNode;
}

export function LifecycleFlowPage({ title, subtitle, form, aside, children }: LifecycleFlowPageProps) {
  const { result, errors } = form;
  return (
    <Page title={title} backAction={{ url: "/app/flows" }} subtitle={subtitle}>
      <Form method="post">
        <SettingsInput settings={form.settings} />
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {result?.saved && <Banner tone="success">{form.savedMessage}.</Banner>}
              {result && !result.saved && <Banner tone="critical">{errors.form ?? "Some settings need a fix before they can be saved."}</Banner>}
              {children}
              <InlineStack align="end">
                <Button submit variant="primary" loading={form.saving}>Save</Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">{aside}</Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
