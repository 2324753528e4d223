// The merchant's Telnyx connection. The API key is sealed before it is stored and is never
// handed back: the settings page only learns its last four characters.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { decryptSecret, encryptSecret } from "./secrets.server";

export const TelnyxCredentialsInput = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^KEY[0-9A-Za-z_-]{10,}$/, "A Telnyx API key starts with KEY")
    .or(z.literal("")),
  messagingProfileId: z.string().trim().uuid("The messaging profile id is a UUID from Mission Control"),
  sendingNumber: z.string().trim().min(1, "Enter the number texts come from"),
});

export type TelnyxCredentials = z.infer<typeof TelnyxCredentialsInput>;

export class InvalidSendingNumberError extends Error {}

export async function saveTelnyxCredentials(
  ctx: AppContext,
  shopId: string,
  input: TelnyxCredentials,
  encryptionKey: string,
) {
  const number = parsePhoneNumberFromString(input.sendingNumber, "US");
  if (!number?.isValid()) throw new InvalidSendingNumberError("Enter the sending number in international format, e.g. +13125550100");
  // Replies are routed to the store by the number they were sent to: one number, one store.
  const taken = await ctx.db.shop.findFirst({
    where: { sendingNumber: number.number, uninstalledAt: null, id: { not: shopId } },
    select: { id: true },
  });
  if (taken) throw new InvalidSendingNumberError(`${number.number} is already connected to another store. Each store needs a number of its own.`);
  await ctx.db.shop.update({
    where: { id: shopId },
    data: {
      // An empty key field keeps the stored key: the page never shows it, so it cannot resend it.
      ...(input.apiKey && { telnyxApiKeyEncrypted: encryptSecret(input.apiKey, encryptionKey) }),
      telnyxMessagingProfileId: input.messagingProfileId,
      sendingNumber: number.number,
    },
  });
  // New credentials have not been checked yet.
  await recordConnectionCheck(ctx, shopId, false);
}

/** Remembers when "Check connection" last succeeded (the onboarding checklist reads it). */
export async function recordConnectionCheck({ db, clock }: AppContext, shopId: string, ok: boolean) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(shop.settings) as Record<string, unknown>;
  } catch {
    // A broken settings value is replaced by a clean one.
  }
  const { telnyxCheckedAt: _previous, ...rest } = settings;
  const next = ok ? { ...rest, telnyxCheckedAt: clock.now().toISOString() } : rest;
  await db.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify(next) } });
}

export function telnyxConnectionSummary(
  shop: { telnyxApiKeyEncrypted: string | null; telnyxMessagingProfileId: string | null; sendingNumber: string | null },
  encryptionKey: string,
) {
  const key = shop.telnyxApiKeyEncrypted ? decryptSecret(shop.telnyxApiKeyEncrypted, encryptionKey) : null;
  return {
    apiKeyEnding: key ? key.slice(-4) : null,
    messagingProfileId: shop.telnyxMessagingProfileId ?? "",
    sendingNumber: shop.sendingNumber ?? "",
  };
}
