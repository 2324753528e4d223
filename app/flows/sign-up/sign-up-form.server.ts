// What the storefront form shows, answered to the theme extension through the app proxy: how it
// opens, its words, and the shop's one disclosure (compliance/disclosure.ts), the same label
// and paragraph the checkout block shows beside its checkbox, with the same version.
import { createHmac } from "node:crypto";
import type { Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { checkoutDisclosure, type CheckoutDisclosure } from "~/compliance/disclosure";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { SIGN_UP_SETTINGS_KEY, SignUpSettings } from "./sign-up-settings";

export type SignUpForm =
  | { enabled: false }
  | ({ enabled: true; disclosure: CheckoutDisclosure } & Pick<SignUpSettings, "placement" | "delaySeconds" | "exitIntent" | "headline" | "body">);

export const signUpSettingsOf = (shop: Pick<Shop, "settings">) => readSettingsSection(shop, SIGN_UP_SETTINGS_KEY, SignUpSettings);

/** The disclosure as the ledger keeps it: every word the form showed beside its checkbox. */
export function signUpDisclosureText(disclosure: Pick<CheckoutDisclosure, "label" | "paragraph">): string {
  return `${disclosure.label}\n${disclosure.paragraph}`;
}

/** The form for an installed shop (null for any other); `enabled: false` tells the extension to show nothing. */
export async function signUpForm(ctx: AppContext, shopDomain: string): Promise<SignUpForm | null> {
  const shop = await ctx.db.shop.findFirst({ where: { domain: shopDomain, uninstalledAt: null } });
  if (!shop) return null;
  const settings = signUpSettingsOf(shop);
  if (!settings.enabled) return { enabled: false };
  const { placement, delaySeconds, exitIntent, headline, body } = settings;
  return { enabled: true, placement, delaySeconds, exitIntent, headline, body, disclosure: checkoutDisclosure(shop) };
}

/**
 * The visitor's address, keyed per shop: enough to count one address's sign-ups, nothing that
 * names it. The key comes from the app's encryption key, so the hash cannot be reversed by
 * hashing every address.
 */
export function ipHashOf(shopId: string, ip: string, encryptionKey: string): string {
  const key = createHmac("sha256", Buffer.from(encryptionKey, "base64")).update("textback/sign-up-ip/v1").digest();
  return createHmac("sha256", key).update(`${shopId}:${ip}`).digest("base64url");
}
