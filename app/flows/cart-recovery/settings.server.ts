// Saving the merchant's cart recovery settings: validated, and never switched on before the
// shop can text.
import type { AppContext } from "~/context.server";
import { versioningDisclosure } from "~/compliance/disclosure-version.server";
import { saveFlowSettings } from "~/settings/shop-settings.server";
import { CART_RECOVERY_SETTINGS_KEY, CartRecoverySettings } from "./settings";

// Cart reminders, and offers when a step has a discount, are part of the checkout disclosure's words.
export function saveCartRecoverySettings(ctx: AppContext, shopId: string, input: unknown) {
  return versioningDisclosure(ctx, shopId, () =>
    saveFlowSettings(ctx, { shopId, key: CART_RECOVERY_SETTINGS_KEY, schema: CartRecoverySettings, value: input, flowName: "the flow" }),
  );
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
    // A form without the field keeps the default (on).
    attachImage: form.has("attachImage") ? form.get("attachImage") === "true" : undefined,
    steps: Array.from({ length: stepCount }, (_, i) => ({
      delayHours: number(`steps.${i}.delayHours`),
      template: String(form.get(`steps.${i}.template`) ?? ""),
      discountPercent: number(`steps.${i}.discountPercent`) ?? 0,
    })),
  };
}
