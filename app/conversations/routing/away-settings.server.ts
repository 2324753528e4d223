// Business hours and the away message: outside the hours, a text that needs a person is
// answered with the away message instead of the usual acknowledgement.
import { z } from "zod";
import type { AppContext } from "~/context.server";

const hour = (label: string) => z.coerce.number({ invalid_type_error: `Enter the ${label} hour` }).int("Whole hours").min(0, "0 to 24").max(24, "0 to 24");

export const AwaySettingsInput = z
  .object({
    start: hour("opening"),
    end: hour("closing"),
    days: z.array(z.coerce.number().int().min(0).max(6)).min(1, "Pick at least one day"),
    awayMessage: z.string().trim().min(1, "Write the away message").max(320, "Keep it within 320 characters"),
  })
  .refine((hours) => hours.start < hours.end, { path: ["end"], message: "Closing comes after opening" });
export type AwaySettings = z.infer<typeof AwaySettingsInput>;

export async function saveAwaySettings({ db }: AppContext, shopId: string, input: AwaySettings) {
  const businessHours = JSON.stringify({ start: input.start, end: input.end, days: [...new Set(input.days)].sort() });
  await db.shop.update({ where: { id: shopId }, data: { businessHours, awayMessage: input.awayMessage } });
}

/** The stored hours for the form; unset means "always open" (no away message). */
export function awaySettingsOf(shop: { businessHours: string | null; awayMessage: string | null }, defaultAway: string) {
  try {
    const stored = JSON.parse(shop.businessHours ?? "null") as { start?: number; end?: number; days?: number[] } | null;
    return { start: stored?.start ?? 9, end: stored?.end ?? 17, days: stored?.days ?? [1, 2, 3, 4, 5], awayMessage: shop.awayMessage ?? defaultAway, set: Boolean(stored) };
  } catch {
    return { start: 9, end: 17, days: [1, 2, 3, 4, 5], awayMessage: shop.awayMessage ?? defaultAway, set: false };
  }
}
