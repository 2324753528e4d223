// The System page's cards: the queue's depth and the failed jobs with retry and cancel.
import { Form, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, DataTable, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { JobConsole } from "./job-console.server";

export function formatTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDuration(ms: number) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

export function QueueCard({ depth, oldestDue }: Pick<JobConsole, "depth" | "oldestDue">) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Queue</Text>
        {oldestDue ? (
          <InlineStack gap="200" blockAlign="center">
            <Badge tone={oldestDue.lateMs > 60_000 ? "warning" : "info"}>{`Oldest due: ${oldestDue.kind}`}</Badge>
            <Text as="span">{`waiting ${formatDuration(oldestDue.lateMs)} past its time`}</Text>
          </InlineStack>
        ) : (
          <Text as="p" tone="subdued">No job is waiting for a worker.</Text>
        )}
        {depth.length > 0 ? (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={["Kind", "Due now", "Scheduled", "Running"]}
            rows={depth.map((row) => [row.kind, row.dueNow, row.later, row.running])}
          />
        ) : (
          <Text as="p" tone="subdued">The queue is empty.</Text>
        )}
      </BlockStack>
    </Card>
  );
}

function JobAction({ jobId, intent, label, busy }: { jobId: string; intent: "retry" | "cancel"; label: string; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="jobId" value={jobId} />
      <Button submit loading={busy} tone={intent === "cancel" ? "critical" : undefined} accessibilityLabel={`${label} job ${jobId}`}>
        {label}
      </Button>
    </Form>
  );
}

export function FailedJobsCard({ failed, failedCount, timeZone }: Pick<JobConsole, "failed" | "failedCount"> & { timeZone: string }) {
  const form = useNavigation().formData;
  const busy = form && `${String(form.get("intent"))}:${String(form.get("jobId"))}`;
  return (
    <Card padding="0">
      <div style={{ padding: "var(--p-space-400)" }}>
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Failed jobs</Text>
          <Badge tone={failedCount > 0 ? "critical" : "success"}>{String(failedCount)}</Badge>
        </InlineStack>
      </div>
      {failed.length === 0 ? (
        <div style={{ padding: "0 var(--p-space-400) var(--p-space-400)" }}>
          <Text as="p" tone="subdued">No failed jobs.</Text>
        </div>
      ) : (
        <IndexTable
          resourceName={{ singular: "failed job", plural: "failed jobs" }}
          itemCount={failed.length}
          selectable={false}
          headings={[{ title: "Job" }, { title: "Last error" }, { title: "Attempts" }, { title: "Failed" }, { title: "Actions" }]}
        >
          {failed.map((job, index) => (
            <IndexTable.Row id={job.id} key={job.id} position={index}>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span" fontWeight="semibold">{job.kind}</Text>
                  <Text as="span" tone="subdued" variant="bodySm">{job.id}</Text>
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <div style={{ whiteSpace: "normal", minWidth: "16rem", maxWidth: "32rem" }}>{job.lastError ?? "No error was recorded"}</div>
              </IndexTable.Cell>
              <IndexTable.Cell>{`${job.attempts} / ${job.maxAttempts}`}</IndexTable.Cell>
              <IndexTable.Cell>{job.failedAt ? formatTime(job.failedAt, timeZone) : "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="200" wrap={false}>
                  <JobAction jobId={job.id} intent="retry" label="Retry" busy={busy === `retry:${job.id}`} />
                  <JobAction jobId={job.id} intent="cancel" label="Cancel" busy={busy === `cancel:${job.id}`} />
                </InlineStack>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
      {failedCount > failed.length && (
        <div style={{ padding: "var(--p-space-400)" }}>
          <Text as="p" tone="subdued">{`The newest ${failed.length} of ${failedCount} are listed.`}</Text>
        </div>
      )}
    </Card>
  );
}
