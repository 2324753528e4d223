import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { csvDownload } from "~/csv-download.server";
import { subscriberBatches, subscriberFiltersFrom } from "~/marketing/subscribers.server";
import { subscriberCsvHeader, subscriberCsvLines } from "~/marketing/subscriber-csv";

// The subscribers as the page filters them, every page of them.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const filters = subscriberFiltersFrom(new URL(request.url).searchParams);
  async function* lines() {
    for await (const rows of subscriberBatches(appContext, shop.id, filters)) yield subscriberCsvLines(rows);
  }
  const day = appContext.clock.now().toISOString().slice(0, 10);
  return csvDownload(subscriberCsvHeader(), lines(), `subscribers-${shop.domain.replace(/\.myshopify\.com$/, "")}-${day}.csv`);
};
