import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { appContext, messagingDeps } from "~/services.server";
import { ConversationNotFoundError, sendAgentReply } from "~/conversations/agent-reply.server";
import { messageOutcome } from "~/messaging/gate-reasons";

const Reply = z.object({ body: z.string().trim().min(1, "Write a reply first").max(1600) });

// The thread composer posts here; the answer says whether the text was queued, held or refused.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const parsed = Reply.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message }, { status: 400 });
  try {
    const message = await sendAgentReply(
      appContext,
      { shopId: shop.id, conversationId: params.id!, body: parsed.data.body, staffUserId },
      messagingDeps,
    );
    return Response.json({ message: messageOutcome(message) });
  } catch (error) {
    if (error instanceof ConversationNotFoundError) return Response.json({ error: "No such conversation" }, { status: 404 });
    throw error;
  }
};
