// Turns a lifecycle flow on (or shapes it) for the demo shop by writing its section of
// Shop.settings, and puts the shop's settings back after the file: later files share the shop.
import { afterAll, beforeAll } from "vitest";
import type { Db } from "~/db.server";
import { SANDBOX_SHOP } from "./shopify-webhooks";

export function useFlowSettings(db: Db) {
  let before: string | undefined;
  afterAll(async () => {
    if (before !== undefined) await db.shop.update({ where: { domain: SANDBOX_SHOP }, data: { settings: before } });
  });
  return {
    /** Replaces one section (e.g. "welcome", "winBack") of the demo shop's settings. */
    async set(section: string, value: Record<string, unknown>) {
      const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
      before ??= shop.settings;
      const settings = { ...(JSON.parse(shop.settings || "{}") as Record<string, unknown>), [section]: value };
      await db.shop.update({ where: { id: shop.id }, data: { settings: JSON.stringify(settings) } });
    },
  };
}

/**
 * Turns the demo shop's welcome series off for a file whose subject is something else: it would
 * add its question to every new subscriber's texts (tests/welcome-series.test.ts covers it).
 */
export function useWelcomeSeriesOff(db: Db) {
  const flows = useFlowSettings(db);
  beforeAll(() => flows.set("welcome", { enabled: false }));
}
