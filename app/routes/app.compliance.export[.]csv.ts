import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { csvDownload } from "~/csv-download.server";
import { consentLogBatches, consentLogFiltersFrom } from "~/compliance/consent-log.server";
import { consentLogCsvHeader, consentLogCsvLines } from "~/compliance/consent-log-csv";

// The consent log as the compliance page filters it, streamed batch by batch: a shop's log
// grows for years and is kept at least four.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const filters = consentLogFiltersFrom(new URL(request.url).searchParams);
  async function* lines() {
    for await (const batch of consentLogBatches(appContext, shop.id, filters)) yield consentLogCsvLines(batch);
  }
  const day = appContext.clock.now().toISOString().slice(0, 10);
  return csvDownload(consentLogCsvHeader(), lines(), `consent-log-${shop.domain.replace(/\.myshopify\.com$/, "")}-${day}.csv`);
};
