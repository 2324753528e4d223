// Settings → how fast texts may leave: the number's type brings Telnyx's default rate for it,
// which the merchant may change within Telnyx's bounds, and the account's rate.
import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import {
  ACCOUNT_RATE,
  NUMBER_RATES,
  NUMBER_TYPE_LABELS,
  NUMBER_TYPES,
  type RateRange,
  type SendingLimits,
  type SendingNumberType,
} from "./sending-limits";

const perSecond = (rate: number) => `${rate.toLocaleString("en-US")} ${rate === 1 ? "text" : "texts"} per second`;
const bounds = (range: RateRange) => `Telnyx allows ${range.min.toLocaleString("en-US")} to ${perSecond(range.max)}.`;

export function SendingLimitsCard({ saved, errors, justSaved }: { saved: SendingLimits; errors: Record<string, string>; justSaved: boolean }) {
  const [numberType, setNumberType] = useState<SendingNumberType>(saved.numberType);
  const [numberRate, setNumberRate] = useState(String(saved.numberPerSecond));
  const [accountRate, setAccountRate] = useState(String(saved.accountPerSecond));
  const saving = useNavigation().formData?.get("intent") === "sendingLimits";
  const chooseType = (type: string) => {
    const next = type as SendingNumberType;
    setNumberType(next);
    setNumberRate(String(next === saved.numberType ? saved.numberPerSecond : NUMBER_RATES[next].perSecond));
  };
  const range = NUMBER_RATES[numberType];
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="sendingLimits" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Sending limits</Text>
          {justSaved && <Banner tone="success">Sending limits saved.</Banner>}
          <FormLayout>
            <Select
              label="Number type"
              name="sendingNumberType"
              options={NUMBER_TYPES.map((type) => ({ label: `${NUMBER_TYPE_LABELS[type]} (${perSecond(NUMBER_RATES[type].perSecond)})`, value: type }))}
              value={numberType}
              onChange={chooseType}
              error={errors.sendingNumberType}
            />
            <TextField
              label="Texts per second from your number"
              name="numberPerSecond"
              type="number"
              value={numberRate}
              onChange={setNumberRate}
              autoComplete="off"
              helpText={`Telnyx's default for a ${NUMBER_TYPE_LABELS[numberType].toLowerCase()} is ${perSecond(range.perSecond)}. ${bounds(range)}`}
              error={errors.numberPerSecond}
            />
            <TextField
              label="Texts per second from your Telnyx account"
              name="accountPerSecond"
              type="number"
              value={accountRate}
              onChange={setAccountRate}
              autoComplete="off"
              helpText={`Telnyx's default is ${perSecond(ACCOUNT_RATE.perSecond)}; it raises it on request. ${bounds(ACCOUNT_RATE)}`}
              error={errors.accountPerSecond}
            />
          </FormLayout>
          <Button submit loading={saving}>Save sending limits</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
