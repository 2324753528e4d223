// The consent log on the compliance page: filters and pages live in the URL's search
// parameters, so a filtered page can be reloaded, shared, and exported as it is shown.
import { useEffect, useState } from "react";
import { useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, ChoiceList, Filters, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { downloadFile } from "~/components/download-file";

export interface ConsentLogTableRow {
  id: string;
  phone: string;
  scope: string;
  granted: boolean;
  source: string;
  text: string;
  time: string;
}

interface Props {
  rows: ConsentLogTableRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  sources: readonly string[];
}

const SOURCE_LABELS: Record<string, string> = {
  checkout: "Checkout",
  keyword: "Text keyword",
  admin: "Admin",
  shopify_sync: "Shopify",
  carrier: "Carrier",
  api: "API",
  csv_import: "CSV import",
  shopify_import: "Shopify import",
  signup_form: "Sign-up form",
};
const STATUS_CHOICES = [
  { label: "Granted", value: "granted" },
  { label: "Revoked", value: "revoked" },
];

function useLogParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter starts again from the newest event.
    next.delete("after");
    next.delete("before");
    setParams(next, { preventScrollReset: true });
  };
  return { params, set };
}

const FILTER_PARAMS = ["source", "status", "phone"];

/** The export's address: the log's filters, without its page. */
function exportHref(params: URLSearchParams) {
  const filters = new URLSearchParams();
  for (const key of FILTER_PARAMS) if (params.get(key)) filters.set(key, params.get(key)!);
  const query = filters.toString();
  return `/app/compliance/export.csv${query ? `?${query}` : ""}`;
}

function LogFilters({ sources }: { sources: readonly string[] }) {
  const { params, set } = useLogParams();
  const [phone, setPhone] = useState(params.get("phone") ?? "");
  // Searches once typing pauses, not on every key.
  useEffect(() => {
    if (phone === (params.get("phone") ?? "")) return;
    const timer = setTimeout(() => set({ phone }), 300);
    return () => clearTimeout(timer);
    // Only the typed value starts a search; the URL changing (back button) must not restart one.
  }, [phone]);
  const source = params.get("source");
  const status = params.get("status");
  const choice = (key: string, title: string, choices: { label: string; value: string }[]) => (
    <ChoiceList title={title} titleHidden choices={choices} selected={params.get(key) ? [params.get(key)!] : []} onChange={([value]) => set({ [key]: value ?? null })} />
  );
  return (
    <Filters
      queryValue={phone}
      queryPlaceholder="Search by phone number"
      onQueryChange={setPhone}
      onQueryClear={() => setPhone("")}
      onClearAll={() => {
        setPhone("");
        set({ source: null, status: null, phone: null });
      }}
      filters={[
        { key: "source", label: "Source", shortcut: true, filter: choice("source", "Source", sources.map((value) => ({ label: SOURCE_LABELS[value] ?? value, value }))) },
        { key: "status", label: "Status", shortcut: true, filter: choice("status", "Status", STATUS_CHOICES) },
      ]}
      appliedFilters={[
        ...(source ? [{ key: "source", label: `Source: ${SOURCE_LABELS[source] ?? source}`, onRemove: () => set({ source: null }) }] : []),
        ...(status ? [{ key: "status", label: `Status: ${status === "granted" ? "Granted" : "Revoked"}`, onRemove: () => set({ status: null }) }] : []),
      ]}
    />
  );
}

export function ConsentLogTable({ rows, nextCursor, previousCursor, sources }: Props) {
  const [params] = useSearchParams();
  const loading = useNavigation().state === "loading";
  const href = exportHref(params);
  const [exporting, setExporting] = useState(false);
  const exportLog = () => {
    setExporting(true);
    downloadFile(href, "consent-log.csv")
      .catch(() => window.shopify?.toast.show("The export didn't download. Try again.", { isError: true }))
      .finally(() => setExporting(false));
  };
  const page = (key: "after" | "before", cursor: string) => {
    const next = new URLSearchParams(params);
    next.delete(key === "after" ? "before" : "after");
    next.set(key, cursor);
    return `?${next}`;
  };
  return (
    <Card padding="0">
      <BlockStack>
        <Box paddingBlockStart="400" paddingInline="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">Consent log</Text>
            <Button onClick={exportLog} loading={exporting} accessibilityLabel="Export the consent log as CSV">Export CSV</Button>
          </InlineStack>
        </Box>
        <LogFilters sources={sources} />
        <IndexTable
          resourceName={{ singular: "consent event", plural: "consent events" }}
          itemCount={rows.length}
          loading={loading}
          selectable={false}
          headings={[{ title: "Phone" }, { title: "Consent" }, { title: "Status" }, { title: "Source" }, { title: "Text" }, { title: "Time" }]}
          emptyState={<Box padding="400"><Text as="p" tone="subdued">No consent events match.</Text></Box>}
          pagination={{
            hasNext: Boolean(nextCursor),
            hasPrevious: Boolean(previousCursor),
            nextURL: nextCursor ? page("after", nextCursor) : undefined,
            previousURL: previousCursor ? page("before", previousCursor) : undefined,
          }}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>{row.phone}</IndexTable.Cell>
              <IndexTable.Cell>{row.scope === "marketing" ? "Marketing" : "Order updates"}</IndexTable.Cell>
              <IndexTable.Cell>{row.granted ? <Badge tone="success">Granted</Badge> : <Badge tone="critical">Revoked</Badge>}</IndexTable.Cell>
              <IndexTable.Cell>{SOURCE_LABELS[row.source] ?? row.source}</IndexTable.Cell>
              <IndexTable.Cell><Text as="span" truncate>{row.text}</Text></IndexTable.Cell>
              <IndexTable.Cell>{row.time}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
