import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { changeThread, loadThread, type Thread } from "~/conversations/thread.server";
import { ReplyComposer } from "~/components/reply-composer";
import { usePolling } from "~/components/use-polling";
import { AdminPageError } from "~/admin-page-error";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const thread = await loadThread(appContext, { shopId: shop.id, conversationId: params.id! });
  if (!thread) throw new Response("No such conversation", { status: 404 });
  return { ...thread, staffUserId };
};

const Change = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen") }),
  z.object({ intent: z.literal("assign"), assignee: z.string().trim().max(100).transform((v) => v || null) }),
  z.object({ intent: z.literal("note"), text: z.string().trim().min(1, "Write the note first").max(2000) }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const parsed = Change.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message }, { status: 400 });
  const changed = await changeThread(appContext, { shopId: shop.id, conversationId: params.id!, staffUserId, change: parsed.data });
  if (!changed) throw new Response("No such conversation", { status: 404 });
  return Response.json({ ok: true });
};

const STATUS_TONES: Record<string, "success" | "critical" | "warning" | "info" | undefined> = {
  delivered: "success",
  sent: "info",
  failed: "critical",
  refused: "critical",
  cancelled: "critical",
  held: "warning",
};

function formatTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

function money(amount: number, currency: string) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
}

function MessageBubble({ message, timeZone }: { message: Thread["messages"][number]; timeZone: string }) {
  const outbound = message.direction === "outbound";
  return (
    <InlineStack align={outbound ? "end" : "start"}>
      <div style={{ maxWidth: "75%" }} data-testid={`message-${message.direction}`}>
        <Box background={outbound ? "bg-fill-info-secondary" : "bg-fill-secondary"} padding="300" borderRadius="300">
          <BlockStack gap="100">
            {message.media.map((url) => (
              <img key={url} src={url} alt="Picture sent with this text" style={{ maxWidth: "100%", maxHeight: 240, borderRadius: 8, alignSelf: "flex-start" }} />
            ))}
            <Text as="p">{message.body}</Text>
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" tone="subdued" variant="bodySm">
                {formatTime(message.at, timeZone)}
                {outbound && (message.automated ? " · automated" : ` · by ${message.sentBy}`)}
              </Text>
              {outbound && <Badge tone={STATUS_TONES[message.status]}>{message.status}</Badge>}
            </InlineStack>
            {message.reason && <Text as="p" tone="caution" variant="bodySm">{message.reason}</Text>}
            {message.error && <Text as="p" tone="critical" variant="bodySm">Failed: {message.error}</Text>}
          </BlockStack>
        </Box>
      </div>
    </InlineStack>
  );
}

function ContactCard({ contact, consentHistory }: Pick<Thread, "contact" | "consentHistory">) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{contact.name ?? contact.phone}</Text>
        <Text as="p">{contact.phone}{contact.email ? ` · ${contact.email}` : ""}</Text>
        <InlineStack gap="100">
          {contact.optedOutAt ? (
            <Badge tone="critical">{`Opted out ${formatTime(contact.optedOutAt, contact.timeZone)}`}</Badge>
          ) : (
            <>
              <Badge tone={contact.marketingConsent ? "success" : undefined}>{contact.marketingConsent ? "Marketing: yes" : "Marketing: no"}</Badge>
              <Badge tone={contact.transactionalConsent ? "success" : undefined}>{contact.transactionalConsent ? "Order updates: yes" : "Order updates: no"}</Badge>
            </>
          )}
        </InlineStack>
        <Text as="p" tone="subdued">Local time {contact.localTime} ({contact.timeZone})</Text>
        <Text as="h3" variant="headingSm">Consent history</Text>
        {consentHistory.length === 0 ? (
          <Text as="p" tone="subdued">No consent recorded.</Text>
        ) : (
          consentHistory.map((event) => (
            <Text as="p" variant="bodySm" key={event.at + event.source}>
              {formatTime(event.at, contact.timeZone)} · {event.granted ? "granted" : "revoked"} {event.scope} · {event.source}
            </Text>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

function CommerceCard({ cart, order }: Pick<Thread, "cart" | "order">) {
  if (!cart && !order) return null;
  return (
    <Card>
      <BlockStack gap="200">
        {order && (
          <>
            <Text as="h2" variant="headingMd">Latest order {order.name}</Text>
            <Text as="p">{money(order.total, order.currency)} · {order.financialStatus ?? "pending"} · {order.fulfillmentStatus ?? "unfulfilled"}</Text>
            {order.shipments.map((s) => (
              <Text as="p" key={`${s.company}${s.number}`}>
                {s.company ?? "Carrier"} {s.number} · {s.status} {s.url && <a href={s.url} target="_blank" rel="noreferrer">Track</a>}
              </Text>
            ))}
          </>
        )}
        {cart && (
          <>
            <Text as="h2" variant="headingMd">Cart</Text>
            <Text as="p">{cart.summary} · {money(cart.total, cart.currency)}</Text>
            <Text as="p" tone="subdued">{cart.completed ? "Checked out" : `Recovery: ${cart.recoveryStatus}`}</Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

function NotesCard({ notes }: Pick<Thread["conversation"], "notes">) {
  const [text, setText] = useState("");
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Internal notes</Text>
        {notes.map((note) => (
          <Text as="p" variant="bodySm" key={note.at}>{note.text} — {note.by}</Text>
        ))}
        <Form method="post" onSubmit={() => setText("")}>
          <input type="hidden" name="intent" value="note" />
          <BlockStack gap="200">
            <TextField label="Add a note" name="text" value={text} onChange={setText} multiline={2} autoComplete="off" helpText="Only your team sees notes." />
            <InlineStack><Button submit disabled={!text.trim()}>Add note</Button></InlineStack>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}

function ThreadActions({ state, assignedTo, staffUserId }: { state: string; assignedTo: string | null; staffUserId: string }) {
  const intent = (value: string, label: string, extra?: Record<string, string>) => (
    <Form method="post">
      <input type="hidden" name="intent" value={value} />
      {extra && Object.entries(extra).map(([key, v]) => <input type="hidden" name={key} value={v} key={key} />)}
      <Button submit>{label}</Button>
    </Form>
  );
  return (
    <InlineStack gap="200">
      {state === "closed" ? intent("reopen", "Reopen") : intent("close", "Close")}
      {assignedTo === staffUserId ? intent("assign", "Unassign", { assignee: "" }) : intent("assign", "Assign to me", { assignee: staffUserId })}
    </InlineStack>
  );
}

export default function ThreadPage() {
  const thread = useLoaderData<typeof loader>();
  const { conversation, contact } = thread;
  usePolling(5_000);
  const blockedReason = contact.optedOutAt
    ? `${contact.name ?? contact.phone} opted out on ${formatTime(contact.optedOutAt, contact.timeZone)}. They get no texts until they text START.`
    : null;
  return (
    <Page
      backAction={{ content: "Inbox", url: "/app/inbox" }}
      title={contact.name ?? contact.phone}
      titleMetadata={
        <InlineStack gap="100">
          <Badge tone={conversation.state === "needs_reply" ? "attention" : undefined}>{conversation.state.replace("_", " ")}</Badge>
          {conversation.handoff && conversation.state === "needs_reply" && <Badge tone="warning">{conversation.handoff}</Badge>}
        </InlineStack>
      }
      subtitle={conversation.assignedTo ? `Assigned to ${conversation.assignedTo}` : "Not assigned"}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ThreadActions state={conversation.state} assignedTo={conversation.assignedTo} staffUserId={thread.staffUserId} />
            <Card>
              <BlockStack gap="300">
                {thread.messages.length === 0 ? (
                  <Text as="p" tone="subdued">No messages yet.</Text>
                ) : (
                  thread.messages.map((message) => <MessageBubble key={message.id} message={message} timeZone={contact.timeZone} />)
                )}
              </BlockStack>
            </Card>
            <ReplyComposer conversationId={conversation.id} costPerSegment={thread.costPerSegment} currency={thread.currency} blockedReason={blockedReason} timing={thread.replyTiming} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ContactCard contact={contact} consentHistory={thread.consentHistory} />
            <CommerceCard cart={thread.cart} order={thread.order} />
            <NotesCard notes={conversation.notes} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Conversation" notFound="This conversation doesn't exist" backUrl="/app/inbox" />;
}
