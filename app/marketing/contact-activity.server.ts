// What segments filter on, kept on the contact as it happens (an order, a reply, a click, a
// checkout judged abandoned), so that counting a segment reads one table. Dates only move
// forward (or, for the first order, back): a late or repeated event cannot undo a newer one.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { AppContext } from "~/context.server";

type LatestColumn = "lastRepliedAt" | "lastClickedAt" | "lastAbandonedAt";

export async function noteOrder(ctx: AppContext, contactId: string, order: { totalPrice: number; placedAt: Date }) {
  const at = order.placedAt;
  await ctx.db.contact.update({ where: { id: contactId }, data: { ordersCount: { increment: 1 }, totalSpent: { increment: order.totalPrice } } });
  await ctx.db.contact.updateMany({ where: { id: contactId, OR: [{ firstOrderAt: null }, { firstOrderAt: { gt: at } }] }, data: { firstOrderAt: at } });
  await noteLatest(ctx, contactId, "lastOrderAt", at);
}

export const noteReply = (ctx: AppContext, contactId: string, at: Date) => noteLatest(ctx, contactId, "lastRepliedAt", at);
export const noteClick = (ctx: AppContext, contactId: string, at: Date) => noteLatest(ctx, contactId, "lastClickedAt", at);
export const noteAbandonedCheckout = (ctx: AppContext, contactId: string, at: Date) => noteLatest(ctx, contactId, "lastAbandonedAt", at);

async function noteLatest(ctx: AppContext, contactId: string, column: LatestColumn | "lastOrderAt", at: Date) {
  await ctx.db.contact.updateMany({ where: { id: contactId, OR: [{ [column]: null }, { [column]: { lt: at } }] }, data: { [column]: at } });
}

/** The country a phone number belongs to (ISO 3166 alpha-2), for segments by country. */
export function countryOfPhone(phone: string): string | null {
  return parsePhoneNumberFromString(phone)?.country ?? null;
}
