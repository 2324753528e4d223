// Saves the merchant's choice of number type and sending rates (see sending-limits.ts).
import type { AppContext } from "~/context.server";
import { withSendingLimits, type SendingLimits } from "./sending-limits";

export async function saveSendingLimits({ db }: AppContext, shopId: string, limits: SendingLimits) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  await db.shop.update({
    where: { id: shopId },
    data: { sendingNumberType: limits.numberType, settings: withSendingLimits(shop.settings, limits) },
  });
}
