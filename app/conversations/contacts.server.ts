import type { AppContext } from "~/context.server";

// A shopper is one contact per shop and phone (E.164), whoever meets them first.
export function findOrCreateContact({ db }: AppContext, shopId: string, phone: string) {
  return db.contact.upsert({
    where: { shopId_phone: { shopId, phone } },
    create: { shopId, phone },
    update: {},
  });
}
