// The checkout disclosure's version goes up whenever its words change, whichever setting changed
// them: the merchant's own paragraph, the caps, the brand, a flow switched on or off. The block
// reports the version with the words it showed, and one version must mean one text.
import type { AppContext } from "~/context.server";
import { checkoutDisclosure } from "./disclosure";

const wordsShown = (shop: Parameters<typeof checkoutDisclosure>[0]) => {
  const { label, paragraph } = checkoutDisclosure(shop);
  return `${label}\n${paragraph}`;
};

/** Runs a change to the shop's settings, then gives the disclosure a new version if its words changed. */
export async function versioningDisclosure<T>({ db }: AppContext, shopId: string, change: () => Promise<T>): Promise<T> {
  const before = wordsShown(await db.shop.findUniqueOrThrow({ where: { id: shopId } }));
  const result = await change();
  if (wordsShown(await db.shop.findUniqueOrThrow({ where: { id: shopId } })) !== before) {
    await db.shop.update({ where: { id: shopId }, data: { consentDisclosureVersion: { increment: 1 } } });
  }
  return result;
}
