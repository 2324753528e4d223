// Settings → "Send a test message": the merchant texts one of their own test numbers (kept in
// Settings) to check the connection. It goes through the sender gate like any transactional
// text and records no consent: the number is the merchant's, not a shopper's.
import type { AppContext } from "~/context.server";
import { requestText } from "./outbound.server";
import type { MessagingDeps } from "./messaging-deps";
import { isTestNumber } from "./test-numbers.server";

export const TEST_MESSAGE_TEXT = "This is a test message from Textback. Your texting is set up.";

export async function sendTestMessage(ctx: AppContext, input: { shopId: string; to: string; staffUserId: string }, deps: MessagingDeps) {
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { settings: true } });
  if (!isTestNumber(shop, input.to)) return { outcome: "not_a_test_number" as const };
  const message = await requestText(
    ctx,
    { shopId: input.shopId, to: input.to, body: TEST_MESSAGE_TEXT, purpose: "transactional", sentBy: input.staffUserId, firstInFlow: true },
    deps.secrets,
  );
  return { outcome: "requested" as const, message };
}
