import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext, messagingDeps } from "~/services.server";
import { CONSENT_SOURCES } from "~/compliance/consent-ledger.server";
import { subscriberFiltersFrom, subscriberPage, subscriberTags } from "~/marketing/subscribers.server";
import { listSegments } from "~/marketing/segments.server";
import { importSubscriberCsv } from "~/marketing/subscriber-csv-import.server";
import { MAX_IMPORT_BYTES } from "~/marketing/subscriber-csv";
import { SubscribersTable } from "~/marketing/subscribers-table";
import { SubscriberImportCard } from "~/marketing/subscriber-import-card";
import { SHOPIFY_IMPORT_INTENT, ShopifyHistoryImportCard } from "~/marketing/shopify-history-import-card";
import { latestHistoryImport, startHistoryImport } from "~/commerce/shopify-history-import.server";

// Room for the multipart envelope around a file of the largest size taken.
const MAX_FORM_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const filters = subscriberFiltersFrom(params);
  const [page, tags, segments] = await Promise.all([
    subscriberPage(appContext, shop.id, filters, { after: params.get("after") }),
    subscriberTags(appContext, shop.id),
    listSegments(appContext, shop.id),
  ]);
  const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: shop.ianaTimezone });
  const moment = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: shop.ianaTimezone });
  const historyImport = await latestHistoryImport(appContext, shop.id);
  return {
    rows: page.rows.map((row) => ({
      id: row.id,
      phone: row.phone,
      name: [row.firstName, row.lastName].filter(Boolean).join(" ") || null,
      consentState: row.consentState,
      consentSource: row.consentSource,
      tags: row.tags,
      place: [row.provinceCode, row.countryCode].filter(Boolean).join(", ") || null,
      added: date.format(row.createdAt),
    })),
    nextCursor: page.nextCursor,
    sources: CONSENT_SOURCES,
    historyImport: historyImport && { ...historyImport, startedAt: moment.format(historyImport.startedAt), finishedAt: historyImport.finishedAt && moment.format(historyImport.finishedAt) },
    tags,
    segments: segments.map(({ id, name }) => ({ id, name })),
  };
};

const tooLarge = () => Response.json({ ok: false, error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it` }, { status: 413 });

// "Import from Shopify" starts a history import (or finds the one running); anything else is the
// CSV import: checked line by line, reported back; nothing is sent.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return tooLarge();
  const form = await request.formData();
  if (form.get("intent") === SHOPIFY_IMPORT_INTENT) {
    const started = await startHistoryImport(appContext, shop.id);
    return Response.json({ ok: true, status: started.status });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) return Response.json({ ok: false, error: "Choose a CSV file to import" }, { status: 400 });
  if (file.size > MAX_IMPORT_BYTES) return tooLarge();
  const report = await importSubscriberCsv(appContext, { shopId: shop.id, suppressionHashKey: messagingDeps.secrets.suppressionHashKey }, await file.text());
  return Response.json(report, { status: report.ok ? 200 : 400 });
};

export default function Subscribers() {
  const { historyImport, rows, nextCursor, sources, tags, segments } = useLoaderData<typeof loader>();
  return (
    <Page title="Subscribers">
      <Layout>
        <Layout.Section>
          <SubscribersTable rows={rows} nextCursor={nextCursor} sources={sources} tags={tags} segments={segments} />
        </Layout.Section>
        <Layout.Section>
          <ShopifyHistoryImportCard last={historyImport} />
        </Layout.Section>
        <Layout.Section>
          <SubscriberImportCard />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Subscribers" />;
}
