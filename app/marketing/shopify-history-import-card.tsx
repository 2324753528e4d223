// The Shopify history import on the Subscribers page: a button that starts one, and where the
// last one stands. Runs in the background (a bulk operation); the page shows it on reload.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import type { HistoryCounts } from "~/commerce/shopify-history-apply.server";

export const SHOPIFY_IMPORT_INTENT = "import-shopify-history";

export interface HistoryImportView {
  status: "running" | "completed" | "failed";
  startedAt: string;
  finishedAt: string | null;
  counts: HistoryCounts | null;
  error: string | null;
}

function summary(counts: HistoryCounts) {
  const refused = Object.values(counts.refused).reduce((sum, n) => sum + (n ?? 0), 0);
  return `${counts.customers} customers read: ${counts.contactsCreated} contacts added, ${counts.contactsUpdated} updated; ${counts.subscribed} subscribed to SMS in Shopify, ${counts.consentRecorded} recorded as consent, ${counts.consentAlreadyImported} already imported, ${refused} kept as they were (opted out, suppressed or withdrawn); ${counts.withoutPhone} without a phone number.`;
}

function LastImport({ last }: { last: HistoryImportView }) {
  if (last.status === "running") return <Banner tone="info" title={`Importing since ${last.startedAt}`}>Shopify prepares the file; this page shows the result when it is done.</Banner>;
  if (last.status === "failed") return <Banner tone="critical" title={`The import of ${last.startedAt} failed`}>{last.error}</Banner>;
  return (
    <Banner tone="success" title={`Imported ${last.finishedAt}`}>
      {last.counts ? summary(last.counts) : null} Nothing was sent.
    </Banner>
  );
}

export function ShopifyHistoryImportCard({ last }: { last: HistoryImportView | null }) {
  const fetcher = useFetcher();
  const running = last?.status === "running" || fetcher.state !== "idle";
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Import from Shopify</Text>
        <Text as="p" tone="subdued">
          Customers with a phone number become contacts with their orders, spend and tags. Those subscribed to SMS marketing in Shopify are
          recorded as subscribed, with Shopify&apos;s evidence; numbers that opted out here stay opted out. It runs at install, and again when you ask.
        </Text>
        {last && <LastImport last={last} />}
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value={SHOPIFY_IMPORT_INTENT} />
          <Button submit loading={running} disabled={running}>Import from Shopify</Button>
        </fetcher.Form>
      </BlockStack>
    </Card>
  );
}
