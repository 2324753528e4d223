// The compliance page's form: sending hours, marketing limits, the HELP reply and the consent
// disclosure. Errors come back from the action field by field and show under their field.
import { useState } from "react";
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";

export interface ComplianceFormValues {
  quietHoursStart: number;
  quietHoursEnd: number;
  marketingCapPerDay: number;
  marketingCapPerWeek: number;
  helpText: string | null;
  consentDisclosure: string | null;
  consentDisclosureVersion: number;
  defaultHelpText: string;
  defaultConsentDisclosure: string;
}

interface Props {
  saved: ComplianceFormValues;
  fieldErrors: Record<string, string>;
  justSaved: boolean;
  saving: boolean;
}

function useField(initial: string | number | null) {
  const [value, setValue] = useState(initial === null ? "" : String(initial));
  return { value, onChange: setValue, autoComplete: "off" };
}

export function ComplianceSettingsForm({ saved, fieldErrors, justSaved, saving }: Props) {
  const start = useField(saved.quietHoursStart);
  const end = useField(saved.quietHoursEnd);
  const perDay = useField(saved.marketingCapPerDay);
  const perWeek = useField(saved.marketingCapPerWeek);
  const help = useField(saved.helpText);
  const disclosure = useField(saved.consentDisclosure);
  const hasErrors = Object.keys(fieldErrors).length > 0;
  return (
    <Form method="post">
      <BlockStack gap="400">
        {justSaved && <Banner tone="success">Compliance settings saved.</Banner>}
        {hasErrors && <Banner tone="critical">Some settings need a change before they can be saved.</Banner>}
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Sending hours</Text>
            <Text as="p" tone="subdued">
              Automated texts go out only in these hours, in the shopper's time zone. The law allows 08:00 to 21:00; some states allow less, and Textback applies their rules too.
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <TextField label="Start" name="quietHoursStart" type="number" suffix=":00" {...start} error={fieldErrors.quietHoursStart} />
                <TextField label="End" name="quietHoursEnd" type="number" suffix=":00" {...end} error={fieldErrors.quietHoursEnd} helpText="Texts stop at the start of this hour." />
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Marketing limits</Text>
            <Text as="p" tone="subdued">The most marketing texts one shopper gets. Order updates and replies don't count.</Text>
            <FormLayout>
              <FormLayout.Group>
                <TextField label="Texts per day" name="marketingCapPerDay" type="number" {...perDay} error={fieldErrors.marketingCapPerDay} />
                <TextField label="Texts per week" name="marketingCapPerWeek" type="number" {...perWeek} error={fieldErrors.marketingCapPerWeek} />
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Messages shoppers see</Text>
            <TextField
              label="Reply to HELP"
              name="helpText"
              multiline={3}
              {...help}
              placeholder={saved.defaultHelpText}
              helpText="Leave empty to send the reply shown. Name your store, say how to reach you and how to opt out."
              error={fieldErrors.helpText}
            />
            <TextField
              label="Consent text at checkout"
              name="consentDisclosure"
              multiline={3}
              {...disclosure}
              placeholder={saved.defaultConsentDisclosure}
              helpText={`Version ${saved.consentDisclosureVersion}. The Textback checkout block shows these words beside the consent box; leave empty to show the text above, which follows your limits and flows. The consent log records the words each shopper was shown.`}
              error={fieldErrors.consentDisclosure}
            />
          </BlockStack>
        </Card>
        <InlineStack align="end">
          <Button submit variant="primary" loading={saving}>Save</Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
