// How the shop presents itself in texts: the brand that opens a flow, the contact HELP gives,
// the links automated answers send, and the price per segment that costs are estimated with.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { versioningDisclosure } from "~/compliance/disclosure-version.server";

const optionalUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === "" || /^https:\/\/[^\s]+\.[^\s]+$/.test(value), "Enter a full https:// address")
  .transform((value) => value || null);

export const StoreDetailsInput = z.object({
  brandName: z.string().trim().min(1, "Texts open with your brand name: enter one").max(40, "Keep the brand name within 40 characters"),
  supportEmail: z
    .string()
    .trim()
    .max(200)
    .refine((value) => value === "" || z.string().email().safeParse(value).success, "Enter an email address")
    .transform((value) => value || null),
  returnsUrl: optionalUrl,
  reviewUrl: optionalUrl,
  costPerSegment: z.coerce
    .number({ invalid_type_error: "Enter a price such as 0.004" })
    .min(0, "The price cannot be negative")
    .max(1, "That is more than any carrier charges per segment; enter the price in your currency, e.g. 0.004"),
});
export type StoreDetails = z.infer<typeof StoreDetailsInput>;

// The brand is part of the checkout disclosure's words.
export async function saveStoreDetails(ctx: AppContext, shopId: string, details: StoreDetails) {
  await versioningDisclosure(ctx, shopId, () => ctx.db.shop.update({ where: { id: shopId }, data: details }));
}
