// The segment builder: conditions joined by "all" or "any", with the live count beside them.
// The API takes deeper nesting; the page builds one group, which covers the playbooks.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { FIELD_LABELS, OPERATORS, type Condition } from "./segment-rules";
import type { SegmentSize } from "./segments.server";

type Row = { field: string; op: string; value: string };
const NUMERIC = new Set(["orders_count", "total_spent", "first_order_days_ago", "last_order_days_ago", "abandoned_checkout_hours_ago", "replied_days_ago", "clicked_days_ago"]);
const FIELD_OPTIONS = Object.entries(FIELD_LABELS).map(([value, label]) => ({ value, label }));
const COUNT_DELAY_MS = 250;

export function rulesOf(join: "all" | "any", rows: Row[]): { all: Condition[] } | { any: Condition[] } {
  const conditions = rows.map(({ field, op, value }) => {
    const parse = (v: string) => (NUMERIC.has(field) ? Number(v) : v.trim());
    const parsed = op === "in" ? value.split(",").filter((v) => v.trim()).map(parse) : parse(value);
    return { field, op, value: parsed } as Condition;
  });
  return join === "all" ? { all: conditions } : { any: conditions };
}

export function SegmentBuilder({ errors }: { errors: Record<string, string> }) {
  const [name, setName] = useState("");
  const [join, setJoin] = useState<"all" | "any">("all");
  const [rows, setRows] = useState<Row[]>([{ field: "orders_count", op: ">=", value: "2" }]);
  const counter = useFetcher<{ size?: SegmentSize; error?: string }>();
  const rules = JSON.stringify(rulesOf(join, rows));

  useEffect(() => {
    const timer = setTimeout(() => counter.submit({ intent: "count", rules }, { method: "post" }), COUNT_DELAY_MS);
    return () => clearTimeout(timer);
    // The fetcher's identity changes with its state; the rules are what the count depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rules]);

  const update = (index: number, change: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const size = counter.data?.size;
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="rules" value={rules} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">New segment</Text>
          <TextField label="Name" name="name" value={name} onChange={setName} autoComplete="off" error={errors.name} />
          <Select label="Match" options={[{ value: "all", label: "all of these" }, { value: "any", label: "any of these" }]} value={join} onChange={(v) => setJoin(v as "all" | "any")} />
          {rows.map((row, index) => (
            <InlineStack key={index} gap="200" blockAlign="end" wrap={false}>
              <Select label="Field" labelHidden options={FIELD_OPTIONS} value={row.field} onChange={(field) => update(index, { field })} />
              <Select label="Operator" labelHidden options={OPERATORS.map((op) => ({ value: op, label: op === "in" ? "is one of" : op }))} value={row.op} onChange={(op) => update(index, { op })} />
              <TextField label="Value" labelHidden value={row.value} onChange={(value) => update(index, { value })} autoComplete="off" placeholder={row.op === "in" ? "a, b, c" : ""} />
              <Button onClick={() => setRows(rows.filter((_, i) => i !== index))} disabled={rows.length === 1}>Remove</Button>
            </InlineStack>
          ))}
          <InlineStack gap="200">
            <Button onClick={() => setRows([...rows, { field: "tag", op: "=", value: "" }])}>Add a condition</Button>
          </InlineStack>
          {(counter.data?.error || errors.rules) && <Banner tone="critical">{counter.data?.error ?? errors.rules}</Banner>}
          {size && (
            <Text as="p" data-testid="segment-count">
              <b>{size.size.toLocaleString("en-US")}</b> subscribers can be texted. Left out: {size.leftOut.noConsent.toLocaleString("en-US")} without marketing
              consent, {size.leftOut.optedOut.toLocaleString("en-US")} opted out, {size.leftOut.suppressed.toLocaleString("en-US")} suppressed.
            </Text>
          )}
          <InlineStack>
            <Button submit variant="primary">Save segment</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
