// Saving the merchant's cart recovery settings: validated, and never switched on before the
// shop can text.
import type { AppContext } from "~/context.server";
import { CartRecoverySettings, withCartRecoverySettings } from "./settings";

export type SettingsSave = { saved: true; settings: CartRecoverySettings } | { saved: false; fieldErrors: Record<string, string> };

export async function saveCartRecoverySettings(ctx: AppContext, shopId: string, input: unknown): Promise<SettingsSave> {
  const parsed = CartRecoverySettings.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { saved: false, fieldErrors };
  }
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  if (parsed.data.enabled && !(shop.telnyxApiKeyEncrypted && shop.sendingNumber)) {
    return { saved: false, fieldErrors: { enabled: "Connect Telnyx in Settings before you turn the flow on" } };
  }
  await ctx.db.shop.update({ where: { id: shopId }, data: { settings: withCartRecoverySettings(shop.settings, parsed.data) } });
  return { saved: true, settings: parsed.data };
}

/** The form's flat fields (steps.0.delayHours, …) as the settings object they describe. */
export function cartRecoveryFormInput(form: FormData) {
  const number = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value === "" ? undefined : Number(value);
  };
  const stepCount = Math.min(Math.max(Number(form.get("stepCount")) || 0, 0), 10);
  return {
    enabled: form.get("enabled") === "true",
    abandonAfterMinutes: number("abandonAfterMinutes"),
    discountValidHours: number("discountValidHours"),
    attribution: { clickWindowDays: number("attribution.clickWindowDays"), textWindowHours: number("attribution.textWindowHours") },
    steps: Array.from({ length: stepCount }, (_, i) => ({
      delayHours: number(`steps.${i}.delayHours`),
      template: String(form.get(`steps.${i}.template`) ?? ""),
      discountPercent: number(`steps.${i}.discountPercent`) ?? 0,
    })),
  };
}
