// A staff member answers a thread by hand. The text still passes the sender gate: a shopper
// who opted out is never texted, however the reply was typed.
import type { AppContext } from "~/context.server";
import { requestText } from "~/messaging/outbound.server";
import { stopWelcome } from "~/flows/welcome/welcome-schedule.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";

export class ConversationNotFoundError extends Error {}

export async function sendAgentReply(
  ctx: AppContext,
  input: { shopId: string; conversationId: string; body: string; staffUserId: string },
  deps: MessagingDeps,
) {
  const conversation = await ctx.db.conversation.findFirst({
    where: { id: input.conversationId, shopId: input.shopId },
    include: { contact: true },
  });
  if (!conversation) throw new ConversationNotFoundError(input.conversationId);
  const message = await requestText(
    ctx,
    { shopId: input.shopId, to: conversation.contact.phone, body: input.body, purpose: "conversational", sentBy: input.staffUserId },
    deps.secrets,
  );
  if (message.status !== "refused") {
    // A person has the thread now: automation stays out of it until it is closed.
    await ctx.db.conversation.update({
      where: { id: conversation.id },
      data: {
        state: "open",
        unread: false,
        handoffReason: null,
        assignedTo: conversation.assignedTo ?? input.staffUserId,
        takenOverAt: conversation.takenOverAt ?? ctx.clock.now(),
      },
    });
    await stopWelcome(ctx, conversation.contactId, "with_person");
  }
  return message;
}
