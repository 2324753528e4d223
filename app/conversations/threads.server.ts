import type { AppContext } from "~/context.server";
import type { Conversation } from "../../prisma/generated/sqlite/index.js";

// A contact has one thread at a time: the latest one, reopened if it was closed.
export async function openConversationFor(ctx: AppContext, { shopId, contactId, at }: { shopId: string; contactId: string; at: Date }) {
  const [conversation] = await openConversationsFor(ctx, [{ shopId, contactId }], at);
  return conversation!;
}

/** openConversationFor for many contacts: one conversation per entry, in order. */
export async function openConversationsFor({ db }: AppContext, contacts: { shopId: string; contactId: string }[], at: Date): Promise<Conversation[]> {
  const key = (c: { shopId: string; contactId: string }) => `${c.shopId}:${c.contactId}`;
  const latest = new Map<string, Conversation>();
  const found = await db.conversation.findMany({
    where: { contactId: { in: [...new Set(contacts.map((c) => c.contactId))] } },
    orderBy: { lastMessageAt: "desc" },
  });
  for (const conversation of found) if (!latest.has(key(conversation))) latest.set(key(conversation), conversation);
  const missing = [...new Map(contacts.filter((c) => !latest.has(key(c))).map((c) => [key(c), c])).values()];
  if (missing.length > 0) {
    const created = await db.conversation.createManyAndReturn({ data: missing.map(({ shopId, contactId }) => ({ shopId, contactId, lastMessageAt: at })) });
    for (const conversation of created) latest.set(key(conversation), conversation);
  }
  return contacts.map((c) => latest.get(key(c))!);
}

/** The threads' last activity and preview, after a text was added to each. */
export async function touchConversations({ db }: AppContext, touched: { id: string; preview: string }[], at: Date) {
  const byPreview = new Map<string, string[]>();
  for (const { id, preview } of touched) byPreview.set(preview, [...(byPreview.get(preview) ?? []), id]);
  for (const [preview, ids] of byPreview) {
    await db.conversation.updateMany({ where: { id: { in: ids } }, data: { lastMessageAt: at, lastMessagePreview: preview } });
  }
}
