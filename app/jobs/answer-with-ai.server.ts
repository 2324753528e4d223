// answer-with-ai: a text nothing else answered, put to the shop's chat model outside the inbound
// text's transaction; a traced answer is sent, anything else hands the thread to a person.
import { z } from "zod";
import { inTransaction } from "~/context.server";
import { ANSWER_WITH_AI_JOB, decideAiAnswer } from "~/conversations/ai/answer-with-ai.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "~/conversations/routing/automation-settings";
import { handOffThread } from "~/conversations/routing/route-inbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { requestText } from "~/messaging/outbound.server";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { defineJob } from "./registry.server";

const Payload = z.object({ shopId: z.string(), contactId: z.string(), messageId: z.string() });

export function answerWithAiJob(deps: MessagingDeps) {
  return defineJob({
    kind: ANSWER_WITH_AI_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    async run(ctx, { shopId, contactId, messageId }) {
      const [shop, contact, message] = await Promise.all([
        ctx.db.shop.findUnique({ where: { id: shopId } }),
        ctx.db.contact.findFirst({ where: { id: contactId, shopId } }),
        ctx.db.message.findFirst({ where: { id: messageId, shopId, contactId } }),
      ]);
      if (!shop || shop.uninstalledAt || !contact || !message?.conversationId) return;
      const settings = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
      const answer = await decideAiAnswer(ctx, { shop, contact, text: message.body, settings }, deps.encryptionKey);
      await inTransaction(ctx, async (tx) => {
        const conversation = await tx.db.conversation.findUnique({ where: { id: message.conversationId! } });
        // The shopper opted out, or a person took the thread, while the model was thinking.
        const current = await tx.db.contact.findUnique({ where: { id: contact.id }, select: { optedOutAt: true } });
        if (!conversation || current?.optedOutAt || (conversation.takenOverAt && conversation.state !== "closed")) return;
        if (answer && !answer.needsPerson && answer.reply) {
          await requestText(tx, { shopId, to: contact.phone, body: answer.reply, purpose: "conversational" }, deps.secrets);
          return;
        }
        const update = await handOffThread(tx, { shop, contact, conversation }, answer?.handoffReason ?? "unclear", deps);
        await tx.db.conversation.update({ where: { id: conversation.id }, data: update });
      });
    },
  });
}
