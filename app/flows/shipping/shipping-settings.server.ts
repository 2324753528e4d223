// Saving the merchant's shipping texts: validated field by field, and never switched on before
// the shop can text.
import type { AppContext } from "~/context.server";
import { writeSettingsSection } from "~/settings/shop-settings.server";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "./shipping-settings";

export type ShippingSettingsSave = { saved: true; settings: ShippingSettings } | { saved: false; fieldErrors: Record<string, string> };

export async function saveShippingSettings(ctx: AppContext, shopId: string, input: unknown): Promise<ShippingSettingsSave> {
  const parsed = ShippingSettings.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { saved: false, fieldErrors };
  }
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  if (parsed.data.enabled && !(shop.telnyxApiKeyEncrypted && shop.sendingNumber)) {
    return { saved: false, fieldErrors: { enabled: "Connect Telnyx in Settings before you turn shipping texts on" } };
  }
  const settings = await writeSettingsSection(ctx, { shopId, key: SHIPPING_SETTINGS_KEY, schema: ShippingSettings, value: parsed.data });
  return { saved: true, settings };
}

