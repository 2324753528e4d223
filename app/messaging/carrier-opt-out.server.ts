// Telnyx refusing a text with "Blocked due to STOP" (error 40300) means the shopper opted out
// at the carrier or with Telnyx: the ledger must agree, and so must Shopify.
import { inTransaction, type AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { queueShopifyConsentWriteBack } from "~/commerce/shopify-sms-consent.server";

export async function recordCarrierOptOut(ctx: AppContext, messageId: string) {
  await inTransaction(ctx, async (txCtx) => {
    const message = await txCtx.db.message.findUnique({ where: { id: messageId }, include: { contact: true } });
    if (!message?.contact || message.contact.optedOutAt) return;
    const { contact } = message;
    const { event } = await recordConsentEvent(txCtx, {
      shopId: message.shopId,
      contactId: contact.id,
      phone: contact.phone,
      scope: "marketing",
      granted: false,
      source: "carrier",
      text: "Telnyx refused the text: the number is blocked after a STOP (error 40300)",
      evidence: `message ${message.id}`,
    });
    await queueShopifyConsentWriteBack(txCtx, { shopId: message.shopId, contactId: contact.id, granted: false, consentEventId: event.id });
  });
}
