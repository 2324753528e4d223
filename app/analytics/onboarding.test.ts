import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";
import { recordConnectionCheck } from "~/messaging/telnyx-credentials.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { uniquePhone } from "../../tests/support/sandbox-client";
import { onboardingChecklist } from "./onboarding.server";

const { db } = useTestDatabase();
const ctx = { db, clock: new VirtualClock(new Date("2026-11-25T15:00:00Z")) };
const doneSteps = async (shopId: string) =>
  (await onboardingChecklist(ctx, await db.shop.findUniqueOrThrow({ where: { id: shopId } }))).filter((s) => s.done).map((s) => s.id);

describe("the first-run checklist", () => {
  it("ticks each step only when its fact is stored: a checked connection, a consent block seen at checkout, a flow on", async () => {
    const shop = await createShop(ctx, { telnyxApiKeyEncrypted: null, sendingNumber: null });
    expect(await doneSteps(shop.id)).toEqual([]);

    await db.shop.update({ where: { id: shop.id }, data: { telnyxApiKeyEncrypted: "v1.sealed", sendingNumber: uniquePhone("773") } });
    expect(await doneSteps(shop.id)).toEqual([]);
    await recordConnectionCheck(ctx, shop.id, true);
    expect(await doneSteps(shop.id)).toEqual(["telnyx"]);

    await db.checkoutConsentDisclosure.create({
      data: { shopId: shop.id, checkoutToken: "tok", target: "purchase.thank-you.block.render", disclosureVersion: 1, disclosureText: "Texts", shownAt: ctx.clock.now() },
    });
    const { settings } = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    await db.shop.update({ where: { id: shop.id }, data: { settings: withCartRecoverySettings(settings, { ...DEFAULT_CART_RECOVERY, enabled: true }) } });
    expect(await doneSteps(shop.id)).toEqual(["telnyx", "consent_block", "flow"]);

    // A failed check (or new credentials) takes the connection step back.
    await recordConnectionCheck(ctx, shop.id, false);
    expect(await doneSteps(shop.id)).toEqual(["consent_block", "flow"]);
  });
});
