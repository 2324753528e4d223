// Settings → "Send a test message": the merchant texts a number they own to check the
// connection. Typing the number is their consent to transactional texts on it, recorded in
// the ledger as such; a number that opted out stays opted out.
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { requestText } from "./outbound.server";
import { findOrCreateContact } from "~/conversations/contacts.server";
import type { MessagingDeps } from "./messaging-deps";

export const TEST_MESSAGE_TEXT = "This is a test message from Textback. Your texting is set up.";

export async function sendTestMessage(
  ctx: AppContext,
  input: { shopId: string; to: string; staffUserId: string },
  deps: MessagingDeps,
) {
  const contact = await findOrCreateContact(ctx, input.shopId, input.to);
  if (!contact.optedOutAt && !contact.transactionalConsent) {
    await recordConsentEvent(ctx, {
      shopId: input.shopId,
      contactId: contact.id,
      phone: input.to,
      scope: "transactional",
      granted: true,
      source: "admin",
      text: `Staff member ${input.staffUserId} sent a test message to this number from Settings`,
    });
  }
  return requestText(
    ctx,
    { shopId: input.shopId, to: input.to, body: TEST_MESSAGE_TEXT, purpose: "transactional", sentBy: input.staffUserId, firstInFlow: true },
    deps.secrets,
  );
}
