// The Subscribers page's list: filters and pages live in the URL, so a filtered list can be
// reloaded, shared, and exported as it is shown.
import { useEffect, useState } from "react";
import { useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, ChoiceList, Filters, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { downloadFile } from "~/components/download-file";

export interface SubscriberTableRow {
  id: string;
  phone: string;
  name: string | null;
  consentState: string;
  consentSource: string | null;
  tags: string[];
  place: string | null;
  added: string;
}

const STATES: Record<string, { label: string; tone?: "success" | "critical" | "warning" }> = {
  subscribed: { label: "Subscribed", tone: "success" },
  not_subscribed: { label: "Not subscribed" },
  opted_out: { label: "Opted out", tone: "critical" },
  suppressed: { label: "Suppressed", tone: "warning" },
};
export const SOURCE_LABELS: Record<string, string> = {
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
const FILTERS = ["q", "segment", "consent", "source", "tag"];
const CHOICE_FILTERS = ["segment", "consent", "source", "tag"];

export interface SegmentChoice {
  id: string;
  name: string;
}

function useListParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) (value ? next.set(key, value) : next.delete(key));
    // A new filter starts again from the newest subscriber.
    next.delete("after");
    setParams(next, { preventScrollReset: true });
  };
  return { params, set };
}

function ListFilters({ sources, tags, segments }: { sources: readonly string[]; tags: readonly string[]; segments: readonly SegmentChoice[] }) {
  const { params, set } = useListParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  // Searches once typing pauses, not on every key; the URL changing (back button) starts none.
  useEffect(() => {
    if (query === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => set({ q: query }), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const choice = (key: string, title: string, choices: { label: string; value: string }[]) => ({
    key,
    label: title,
    shortcut: true,
    filter: <ChoiceList title={title} titleHidden choices={choices} selected={params.get(key) ? [params.get(key)!] : []} onChange={([value]) => set({ [key]: value ?? null })} />,
  });
  const labels: Record<string, (value: string) => string | undefined> = {
    segment: (value) => segments.find((s) => s.id === value)?.name,
    consent: (value) => STATES[value]?.label,
    source: (value) => SOURCE_LABELS[value],
  };
  const label = (key: string, value: string) => labels[key]?.(value) ?? value;
  return (
    <Filters
      queryValue={query}
      queryPlaceholder="Search by name or phone"
      onQueryChange={setQuery}
      onQueryClear={() => setQuery("")}
      onClearAll={() => {
        setQuery("");
        set(Object.fromEntries(FILTERS.map((key) => [key, null])));
      }}
      filters={[
        choice("segment", "Segment", segments.map(({ id, name }) => ({ label: name, value: id }))),
        choice("consent", "Consent", Object.entries(STATES).map(([value, { label }]) => ({ label, value }))),
        choice("source", "Source", sources.map((value) => ({ label: SOURCE_LABELS[value] ?? value, value }))),
        choice("tag", "Tag", tags.map((value) => ({ label: value, value }))),
      ]}
      appliedFilters={CHOICE_FILTERS
        .filter((key) => params.get(key))
        .map((key) => ({ key, label: `${key[0]!.toUpperCase()}${key.slice(1)}: ${label(key, params.get(key)!)}`, onRemove: () => set({ [key]: null }) }))}
    />
  );
}

export function SubscribersTable({
  rows,
  nextCursor,
  sources,
  tags,
  segments,
}: {
  rows: SubscriberTableRow[];
  nextCursor: string | null;
  sources: readonly string[];
  tags: readonly string[];
  segments: readonly SegmentChoice[];
}) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const loading = useNavigation().state === "loading";
  const [exporting, setExporting] = useState(false);
  const exportList = () => {
    const filters = new URLSearchParams([...params].filter(([key]) => FILTERS.includes(key)));
    setExporting(true);
    downloadFile(`/app/subscribers/export.csv?${filters}`, "subscribers.csv")
      .catch(() => window.shopify?.toast.show("The export didn't download. Try again.", { isError: true }))
      .finally(() => setExporting(false));
  };
  const after = (cursor: string) => {
    const next = new URLSearchParams(params);
    next.set("after", cursor);
    navigate(`?${next}`);
  };
  return (
    <Card padding="0">
      <BlockStack>
        <Box paddingBlockStart="400" paddingInline="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">Subscribers</Text>
            <Button onClick={exportList} loading={exporting} accessibilityLabel="Export the filtered subscribers as CSV">Export CSV</Button>
          </InlineStack>
        </Box>
        <ListFilters sources={sources} tags={tags} segments={segments} />
        <IndexTable
          resourceName={{ singular: "subscriber", plural: "subscribers" }}
          itemCount={rows.length}
          loading={loading}
          selectable={false}
          headings={[{ title: "Subscriber" }, { title: "Consent" }, { title: "Source" }, { title: "Tags" }, { title: "Place" }, { title: "Added" }]}
          emptyState={<Box padding="400"><Text as="p" tone="subdued">No subscribers match.</Text></Box>}
          pagination={{ hasNext: Boolean(nextCursor), onNext: () => nextCursor && after(nextCursor), hasPrevious: params.has("after"), onPrevious: () => navigate(-1) }}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span">{row.name ?? row.phone}</Text>
                  {row.name && <Text as="span" tone="subdued" variant="bodySm">{row.phone}</Text>}
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell><Badge tone={STATES[row.consentState]?.tone}>{STATES[row.consentState]?.label ?? row.consentState}</Badge></IndexTable.Cell>
              <IndexTable.Cell>{row.consentSource ? (SOURCE_LABELS[row.consentSource] ?? row.consentSource) : "—"}</IndexTable.Cell>
              <IndexTable.Cell><InlineStack gap="100">{row.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}</InlineStack></IndexTable.Cell>
              <IndexTable.Cell>{row.place ?? "—"}</IndexTable.Cell>
              <IndexTable.Cell>{row.added}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
