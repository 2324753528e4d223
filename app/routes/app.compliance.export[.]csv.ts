import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { consentLogBatches, consentLogFiltersFrom } from "~/compliance/consent-log.server";
import { consentLogCsvHeader, consentLogCsvLines } from "~/compliance/consent-log-csv";

// The consent log as the compliance page filters it, streamed batch by batch: a shop's log
// grows for years and is kept at least four.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const filters = consentLogFiltersFrom(new URL(request.url).searchParams);
  const batches = consentLogBatches(appContext, shop.id, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(consentLogCsvHeader()));
    },
    async pull(controller) {
      const { value, done } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(consentLogCsvLines(value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = appContext.clock.now().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="consent-log-${shop.domain.replace(/\.myshopify\.com$/, "")}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
