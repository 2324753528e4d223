// Saving the merchant's shipping texts: validated field by field, and never switched on before
// the shop can text.
import type { AppContext } from "~/context.server";
import { versioningDisclosure } from "~/compliance/disclosure-version.server";
import { saveFlowSettings } from "~/settings/shop-settings.server";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "./shipping-settings";

// Whether order updates are sent is part of the checkout disclosure's words.
export function saveShippingSettings(ctx: AppContext, shopId: string, input: unknown) {
  return versioningDisclosure(ctx, shopId, () =>
    saveFlowSettings(ctx, { shopId, key: SHIPPING_SETTINGS_KEY, schema: ShippingSettings, value: input, flowName: "shipping texts" }),
  );
}
