// Turns a flow on (or changes it) in a shop's stored settings, for flows whose settings page
// does not exist yet; the app reads Shop.settings on every run, so no restart is needed.
import { afterAll } from "vitest";
import type { Db } from "~/db.server";

/**
 * Merges `sections` into the shop's settings, each section replaced whole. The shop's settings
 * as they were are put back after the file, so later files see the shop they expect.
 */
export function useShopSettings(db: Db, domain: string) {
  let original: string | undefined;
  afterAll(async () => {
    if (original !== undefined) await db.shop.update({ where: { domain }, data: { settings: original } });
  });
  return async (sections: Record<string, unknown>) => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain } });
    original ??= shop.settings;
    await db.shop.update({ where: { domain }, data: { settings: JSON.stringify({ ...JSON.parse(shop.settings), ...sections }) } });
  };
}
