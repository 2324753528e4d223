import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { cancelJob, loadJobConsole, retryJob } from "~/jobs/job-console.server";
import { loadConnectionStatus } from "~/analytics/connection-status.server";
import { ConnectionStatusCard } from "~/analytics/connection-status-card";
import { FailedJobsCard, formatTime, QueueCard } from "~/jobs/job-console-cards";
import { usePolling } from "~/components/use-polling";
import { AdminPageError } from "~/admin-page-error";

// The System page: the shop's jobs (depth, the oldest due, failures with retry and cancel) beside
// Telnyx's state and the last webhooks, so "why did nothing send?" has an answer on one screen.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [jobs, connection] = await Promise.all([loadJobConsole(appContext, shop.id), loadConnectionStatus(appContext, shop)]);
  return { jobs, connection, timeZone: shop.ianaTimezone };
};

const JobAction = z.object({ intent: z.enum(["retry", "cancel"]), jobId: z.string().min(1).max(100) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const parsed = JobAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "Choose a job and retry or cancel it." }, { status: 400 });
  const { intent, jobId } = parsed.data;
  const done = intent === "retry" ? await retryJob(appContext, shop.id, jobId) : await cancelJob(appContext, shop.id, jobId, `staff ${staffUserId}`);
  // Another shop's job, or one already retried or cancelled: the same answer, so ids reveal nothing.
  if (!done) return Response.json({ error: "This job is no longer failed or waiting, or it is not this store's." }, { status: 404 });
  return Response.json({ done: intent === "retry" ? "The job is queued again and runs in a moment." : "The job is cancelled." });
};

export default function System() {
  const { jobs, connection, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<{ done?: string; error?: string }>();
  // The queue moves while the page is open.
  usePolling(5_000);
  const format = (iso: string) => formatTime(iso, timeZone);
  return (
    <Page title="System">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.done && <Banner tone="success">{result.done}</Banner>}
            {result?.error && <Banner tone="warning">{result.error}</Banner>}
            <FailedJobsCard failed={jobs.failed} failedCount={jobs.failedCount} timeZone={timeZone} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <QueueCard depth={jobs.depth} oldestDue={jobs.oldestDue} />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <ConnectionStatusCard status={connection} format={format} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="System" />;
}
