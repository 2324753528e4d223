import type { AppContext } from "~/context.server";

// A contact has one thread at a time: the latest one, reopened if it was closed.
export async function openConversationFor(
  { db }: AppContext,
  { shopId, contactId, at }: { shopId: string; contactId: string; at: Date },
) {
  const latest = await db.conversation.findFirst({
    where: { shopId, contactId },
    orderBy: { lastMessageAt: "desc" },
  });
  if (latest) return latest;
  return db.conversation.create({ data: { shopId, contactId, lastMessageAt: at } });
}
