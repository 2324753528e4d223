// What the lifecycle flows' admin pages load and save: each flow's settings section, the prices
// its preview and estimate use, its audience estimate and its stats.
import type { z } from "zod";
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { readSettingsSection, saveFlowSettings } from "~/settings/shop-settings.server";
import { brandOf } from "~/compliance/disclosure";
import { WELCOME_SETTINGS_KEY, WelcomeSettings } from "./welcome/welcome-settings";
import { CROSS_SELL_SETTINGS_KEY, CrossSellSettings } from "./cross-sell/cross-sell-settings";
import { WIN_BACK_SETTINGS_KEY, WinBackSettings } from "./win-back/win-back-settings";
import { SIGN_UP_SETTINGS_KEY, SignUpSettings } from "./sign-up/sign-up-settings";
import { ensureWinBackScan } from "./win-back/win-back.server";
import { signUpsBySource } from "~/analytics/sign-ups-by-source.server";

const DAY_MS = 86_400_000;

export const LIFECYCLE_PAGES = {
  welcome: { key: WELCOME_SETTINGS_KEY, schema: WelcomeSettings, name: "the welcome series" },
  cross_sell: { key: CROSS_SELL_SETTINGS_KEY, schema: CrossSellSettings, name: "cross-sell" },
  // Saving starts the daily scans again if they had stopped (the flow was off).
  win_back: { key: WIN_BACK_SETTINGS_KEY, schema: WinBackSettings, name: "win-back", afterSave: ensureWinBackScan },
  sign_up: { key: SIGN_UP_SETTINGS_KEY, schema: SignUpSettings, name: "the sign-up form" },
} as const;
export type LifecyclePage = keyof typeof LIFECYCLE_PAGES;

export function lifecycleSettingsOf<P extends LifecyclePage>(shop: Pick<Shop, "settings">, page: P): z.output<(typeof LIFECYCLE_PAGES)[P]["schema"]> {
  const { key, schema } = LIFECYCLE_PAGES[page];
  return readSettingsSection(shop, key, schema);
}

export function pricingOf(shop: Shop) {
  return { brand: brandOf(shop), currency: shop.currency, costPerSegment: Number(shop.costPerSegment), costPerMms: Number(shop.costPerMms) };
}

export const isTelnyxConnected = (shop: Shop) => Boolean(shop.telnyxApiKeyEncrypted && shop.sendingNumber);

/** The form posts the whole section as JSON in `settings`. */
export async function saveLifecyclePage(ctx: AppContext, shopId: string, page: LifecyclePage, form: FormData) {
  let value: unknown;
  try {
    value = JSON.parse(String(form.get("settings") ?? ""));
  } catch {
    return { saved: false as const, fieldErrors: { form: "The settings could not be read; reload the page and try again" } };
  }
  const entry = LIFECYCLE_PAGES[page];
  const result = await saveFlowSettings(ctx, { shopId, key: entry.key, schema: entry.schema as z.ZodType<{ enabled: boolean }, z.ZodTypeDef, unknown>, value, flowName: entry.name });
  if (result.saved && "afterSave" in entry) await entry.afterSave(ctx, shopId);
  return result;
}


/** New marketing subscribers in the last 30 days: about how many a month the welcome series greets. */
export async function newSubscribersLastMonth(ctx: AppContext, shopId: string) {
  return (await signUpsBySource(ctx, shopId, new Date(ctx.clock.now().getTime() - 30 * DAY_MS))).total;
}

/** Deliveries in the last 30 days: at most how many a month cross-sell could text. */
export function deliveriesLastMonth(ctx: AppContext, shopId: string) {
  const since = new Date(ctx.clock.now().getTime() - 30 * DAY_MS);
  return ctx.db.shipment.count({ where: { shopId, deliveredAt: { gte: since } } });
}
