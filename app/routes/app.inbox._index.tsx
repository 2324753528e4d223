import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Page, Tabs, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { listConversations } from "~/conversations/inbox.server";
import { INBOX_TABS, type InboxTab } from "~/conversations/inbox-tabs";
import { usePolling } from "~/components/use-polling";
import { AdminPageError } from "~/admin-page-error";

const TAB_LABELS: Record<InboxTab, string> = { all: "All", needs_reply: "Needs reply", open: "Open", closed: "Closed", opted_out: "Opted out" };
const STATE_BADGES: Record<string, { label: string; tone?: "attention" | "info" | "critical" }> = {
  needs_reply: { label: "Needs reply", tone: "attention" },
  open: { label: "Open", tone: "info" },
  closed: { label: "Closed" },
  opted_out: { label: "Opted out", tone: "critical" },
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const tab = (INBOX_TABS as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as InboxTab) : "all";
  const search = params.get("q")?.slice(0, 100) ?? "";
  const page = await listConversations(appContext, { shopId: shop.id, tab, search, after: params.get("after") });
  return { ...page, tab, search, timeZone: shop.ianaTimezone, now: appContext.clock.now().toISOString() };
};

// Today's texts by the time, older ones by the date, in the shop's time zone.
function when(iso: string, now: string, timeZone: string) {
  const day = (value: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(value));
  const format = day(iso) === day(now) ? { hour: "numeric", minute: "2-digit" } as const : { month: "short", day: "numeric" } as const;
  return new Intl.DateTimeFormat("en-US", { timeZone, ...format }).format(new Date(iso));
}

export default function Inbox() {
  const { rows, nextCursor, tab, search, timeZone, now } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [query, setQuery] = useState(search);
  usePolling(10_000);
  const go = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) (value ? next.set(key, value) : next.delete(key));
    navigate(`?${next}`);
  };
  const selected = INBOX_TABS.indexOf(tab);
  return (
    <Page title="Inbox">
      <Card padding="0">
        <Tabs
          tabs={INBOX_TABS.map((id) => ({ id, content: TAB_LABELS[id] }))}
          selected={selected}
          onSelect={(index) => go({ tab: INBOX_TABS[index] === "all" ? null : INBOX_TABS[index], after: null })}
        />
        <div style={{ padding: "var(--p-space-300)" }}>
          <Form method="get">
            {tab !== "all" && <input type="hidden" name="tab" value={tab} />}
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <div style={{ flexGrow: 1 }}>
                <TextField label="Search" labelHidden name="q" value={query} onChange={setQuery} placeholder="Search by name, phone or order" autoComplete="off" clearButton onClearButtonClick={() => setQuery("")} />
              </div>
              <Button submit>Search</Button>
            </InlineStack>
          </Form>
        </div>
        {rows.length === 0 ? (
          <EmptyState heading={search ? "No conversations match" : "No conversations yet"} image="">
            <p>{search ? "Try a name, a phone number or an order number." : "Replies from shoppers show up here as soon as they arrive."}</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "conversation", plural: "conversations" }}
            itemCount={rows.length}
            selectable={false}
            headings={[{ title: "Shopper" }, { title: "Last message" }, { title: "Time" }, { title: "State" }]}
            pagination={{
              hasNext: Boolean(nextCursor),
              onNext: () => go({ after: nextCursor }),
              hasPrevious: Boolean(params.get("after")),
              onPrevious: () => navigate(-1),
            }}
          >
            {rows.map((row, index) => {
              const badge = STATE_BADGES[row.state] ?? { label: row.state };
              return (
                <IndexTable.Row id={row.id} key={row.id} position={index} onClick={() => navigate(`/app/inbox/${row.id}`)}>
                  <IndexTable.Cell>
                    <BlockStack gap="050">
                      <Text as="span" fontWeight={row.unread ? "bold" : "regular"}>
                        {row.contactName ?? row.phone}
                      </Text>
                      {row.contactName && <Text as="span" tone="subdued" variant="bodySm">{row.phone}</Text>}
                    </BlockStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" fontWeight={row.unread ? "semibold" : "regular"} truncate>
                      {row.preview}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{when(row.lastMessageAt, now, timeZone)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <InlineStack gap="100">
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                      {row.unread && <Badge tone="info-strong">Unread</Badge>}
                      {row.handoff && row.state === "needs_reply" && <Badge tone="warning">{row.handoff}</Badge>}
                    </InlineStack>
                  </IndexTable.Cell>
                </IndexTable.Row>
              );
            })}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Inbox" />;
}
