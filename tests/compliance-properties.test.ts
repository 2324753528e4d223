// Property: whatever order shoppers' keywords, checkout consent, cart recovery and flow texts
// come in, and however the worker's runs fall between them, no text but a STOP's confirmation
// reaches Telnyx while a shopper is opted out, and no shopper gets more marketing texts in any
// 24 hours than the shop's cap. Through the real intake (the delivery recorder with its STOP
// commit), the checkout ingestion, the sender and the job worker, against the Telnyx double.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { ingestCheckout } from "~/commerce/checkouts.server";
import { createDeliveryRecorder } from "~/commerce/webhook-deliveries.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { advanceClockThroughJobs, drainDueJobs } from "~/jobs/worker.server";
import { intakeOptOutOf } from "~/messaging/telnyx-intake.server";
import { requestText } from "~/messaging/outbound.server";
import type { TelnyxEvent } from "~/messaging/telnyx-webhooks.server";
import { messageReceivedEvent } from "~/sandbox/telnyx-payloads.server";
import { checkoutPayload } from "./support/checkout-webhooks";
import { createShop } from "./support/factories";
import { NOON_CHICAGO, useGateWorld } from "./support/gate-world";
import { uniquePhone } from "./support/sandbox-client";

const { world, ctx, deps } = useGateWorld();
const DAY_MS = 24 * 3_600_000;
const OPT_OUT_WORDS = ["STOP", "stop texting me", "UNSUBSCRIBE"];
const OPT_IN_WORDS = ["JOIN", "START"];

type Action =
  | { kind: "text"; word: string }
  | { kind: "checkout"; acceptsSms: boolean }
  | { kind: "flow text"; purpose: "marketing" | "transactional" }
  | { kind: "worker runs" }
  | { kind: "time passes"; minutes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPT_OUT_WORDS, ...OPT_IN_WORDS).map((word) => ({ kind: "text" as const, word })) },
  { weight: 2, arbitrary: fc.boolean().map((acceptsSms) => ({ kind: "checkout" as const, acceptsSms })) },
  { weight: 3, arbitrary: fc.constantFrom("marketing" as const, "transactional" as const).map((purpose) => ({ kind: "flow text" as const, purpose })) },
  { weight: 3, arbitrary: fc.constant({ kind: "worker runs" as const }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 36 * 60 }).map((minutes) => ({ kind: "time passes" as const, minutes })) },
);

const isStopConfirmation = (text: string) => text.includes("You're unsubscribed");
const isMarketing = (text: string) => text.includes("[offer]") || text.includes("/r/");

async function playOut(actions: Action[]) {
  world.clock = new VirtualClock(NOON_CHICAGO);
  const shop = await createShop(ctx(), {
    marketingCapPerDay: 1,
    // The number's rate is not what is tested here: no waiting for send slots.
    settings: JSON.stringify({ ...JSON.parse(withCartRecoverySettings("{}", { ...DEFAULT_CART_RECOVERY, enabled: true })), sending: { long_code: 1000 } }),
  });
  const phone = uniquePhone();
  const recorder = createDeliveryRecorder(ctx());
  const registry = createAppJobRegistry(deps());
  const arrived = () => world.telnyx.messages({ to: phone });
  const violations: string[] = [];
  let optedOut = false;
  let offers = 0;
  // Telnyx stamps each text it receives; one shopper's texts never share a millisecond.
  let lastReceived = 0;

  for (const step of actions) {
    const before = arrived().length;
    if (step.kind === "text") {
      const id = randomUUID();
      const event = messageReceivedEvent(
        { id, organizationId: "org", messagingProfileId: "profile", from: phone, to: shop.sendingNumber!, text: step.word, media: [], receivedAt: new Date((lastReceived = Math.max(world.clock.now().getTime(), lastReceived + 1))), webhookUrl: "http://127.0.0.1:9/webhooks/telnyx" },
        randomUUID(),
      ) as TelnyxEvent;
      await recorder.record({ source: "telnyx", externalId: event.data.id, topic: "message.received", payload: JSON.stringify(event), optOut: intakeOptOutOf(event) });
      if (OPT_OUT_WORDS.includes(step.word)) optedOut = true;
      if (OPT_IN_WORDS.includes(step.word)) optedOut = false;
    } else if (step.kind === "checkout") {
      const checkout = checkoutPayload({ phone, acceptsSms: step.acceptsSms, updatedAt: world.clock.now().toISOString() });
      await ingestCheckout(ctx(), { shopDomain: shop.domain, payload: checkout.body }, deps());
    } else if (step.kind === "flow text") {
      const body = step.purpose === "marketing" ? `[offer] ${++offers}: 10% off this week` : "Your order is on its way";
      await requestText(ctx(), { shopId: shop.id, to: phone, body, purpose: step.purpose }, deps().secrets);
    } else if (step.kind === "worker runs") {
      await drainDueJobs(ctx(), registry);
    } else {
      await advanceClockThroughJobs(ctx(), registry, world.clock, new Date(world.clock.now().getTime() + step.minutes * 60_000));
    }
    // Phases change only with a shopper's text, which runs no job: what arrived during this
    // step arrived while the shopper stood as before it.
    for (const text of arrived().slice(before)) {
      if (optedOut && !isStopConfirmation(text.text)) violations.push(`after an opt-out: "${text.text}"`);
    }
  }
  const before = arrived().length;
  await advanceClockThroughJobs(ctx(), registry, world.clock, new Date(world.clock.now().getTime() + 3 * DAY_MS));
  for (const text of arrived().slice(before)) {
    if (optedOut && !isStopConfirmation(text.text)) violations.push(`after an opt-out: "${text.text}"`);
  }

  const marketingTimes = arrived().filter((t) => isMarketing(t.text)).map((t) => t.at.getTime());
  for (const at of marketingTimes) {
    const inWindow = marketingTimes.filter((other) => other > at - DAY_MS && other <= at).length;
    if (inWindow > 1) violations.push(`${inWindow} marketing texts in the 24 hours up to ${new Date(at).toISOString()}`);
  }
  return violations;
}

describe("compliance under any interleaving", () => {
  it("sends nothing after an opt-out but its confirmation, and never more marketing than the cap", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 14 }), async (actions) => {
        expect(await playOut(actions)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
