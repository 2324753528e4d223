// The sender gate's last word, after the send slot and right before the request to Telnyx:
// what happens while a text waits (a STOP, another text against the cap) decides it.
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { inTransaction } from "~/context.server";
import { recordIntakeOptOuts } from "~/compliance/intake-opt-outs.server";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { drainDueJobs } from "~/jobs/worker.server";
import { requestText } from "~/messaging/outbound.server";
import { numberBucketKey, reserveSendSlots } from "~/messaging/send-rate.server";
import type { TextPurpose } from "~/messaging/text-purpose";
import { useGateWorld } from "./support/gate-world";
import { contactWithConsent, createShop } from "./support/factories";
import { uniquePhone } from "./support/sandbox-client";

const { db, world, ctx, deps } = useGateWorld();

describe("a STOP committed while a text waits for its send slot", () => {
  it.each<TextPurpose>(["compliance", "marketing", "transactional", "conversational"])(
    "stops a %s text: only the STOP's confirmation may follow an opt-out",
    async (purpose) => {
      const shop = await createShop(ctx());
      const phone = uniquePhone();
      const contact = await contactWithConsent(ctx(), shop.id, phone);
      await db.message.create({
        data: { shopId: shop.id, contactId: contact.id, direction: "inbound", body: "JOIN", fromNumber: phone, toNumber: shop.sendingNumber!, status: "received", occurredAt: world.clock.now() },
      });
      const text = await requestText(ctx(), { shopId: shop.id, to: phone, body: "You're subscribed to Test Outfitters texts", purpose }, deps().secrets);
      expect(text.status).toBe("queued");
      // Another text has the number's slot now, so this one waits a second in the worker.
      await reserveSendSlots(ctx(), { buckets: [{ key: numberBucketKey(shop.sendingNumber!), perSecond: 1 }], count: 1 });
      const stopDuringTheWait = async () => {
        await inTransaction(ctx(), (txCtx) =>
          recordIntakeOptOuts(txCtx, db, [{ to: shop.sendingNumber!, from: phone, text: "STOP", providerMessageId: `stop-${text.id}`, receivedAt: null }]),
        );
      };

      await drainDueJobs(ctx(), createAppJobRegistry({ ...deps(), sleep: stopDuringTheWait } as ReturnType<typeof deps>));

      expect(world.telnyx.messages({ to: phone })).toEqual([]);
      const row = await db.message.findUniqueOrThrow({ where: { id: text.id } });
      expect({ status: row.status, reason: JSON.parse(row.holdReason!).code }).toEqual({ status: "refused", reason: "opted_out" });
    },
  );
});

describe("the marketing cap, counted when texts leave", () => {
  it("lets one of two texts held overnight out at 08:00 with a cap of 1 a day, whatever the workers", async () => {
    const shop = await createShop(ctx(), { marketingCapPerDay: 1, sendingNumberType: "toll_free" });
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone);
    const night = new VirtualClock(new Date("2026-11-26T09:00:00Z")); // 03:00 in Chicago
    const held = await Promise.all(
      ["Your cart is waiting", "20% off tonight only"].map((body) =>
        requestText({ db, clock: night }, { shopId: shop.id, to: phone, body, purpose: "marketing" }, deps().secrets),
      ),
    );
    expect(held.map((m) => m.status)).toEqual(["held", "held"]);

    night.setTo(new Date("2026-11-26T14:00:00Z")); // 08:00 in Chicago
    // Two workers claiming one job each at the same moment (on PostgreSQL over two connections
    // of the pool; SQLite runs one writer at a time).
    const registry = createAppJobRegistry(deps());
    await Promise.all([1, 2].map(() => drainDueJobs({ db, clock: night }, registry, { limit: 1 })));

    expect(world.telnyx.messages({ to: phone })).toHaveLength(1);
    const rows = await db.message.findMany({ where: { id: { in: held.map((m) => m.id) } }, orderBy: { status: "asc" } });
    expect(rows.map((m) => [m.status, m.holdReason && JSON.parse(m.holdReason).code])).toEqual([
      ["held", "frequency_cap"],
      ["sending", null],
    ]);
  });
  it("lets one of two texts out when one worker claims both in the same batch, with a cap of 1 a day", async () => {
    // A number fast enough for both to be checked in one wave, by one transaction.
    const shop = await createShop(ctx(), { marketingCapPerDay: 1, sendingNumberType: "toll_free", settings: JSON.stringify({ sending: { toll_free: 500 } }) });
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone);
    const morning = new VirtualClock(new Date("2026-11-26T16:00:00Z")); // 10:00 in Chicago
    const queued = await Promise.all(
      ["Your cart is waiting", "20% off today only"].map((body) =>
        requestText({ db, clock: morning }, { shopId: shop.id, to: phone, body, purpose: "marketing" }, deps().secrets),
      ),
    );
    expect(queued.map((m) => m.status)).toEqual(["queued", "queued"]);
    // Only these two are due: what earlier tests left would share the claim.
    const ours = queued.map((m) => `send-text:${m.id}`);
    await db.job.updateMany({ where: { status: "queued", NOT: { dedupeKey: { in: ours } } }, data: { status: "cancelled" } });

    expect(await drainDueJobs({ db, clock: morning }, createAppJobRegistry(deps()), { limit: 10 })).toMatchObject({ claimed: 2 });

    expect(world.telnyx.messages({ to: phone })).toHaveLength(1);
    const rows = await db.message.findMany({ where: { id: { in: queued.map((m) => m.id) } }, orderBy: { status: "asc" } });
    expect(rows.map((m) => [m.status, m.holdReason && JSON.parse(m.holdReason).code])).toEqual([
      ["held", "frequency_cap"],
      ["sending", null],
    ]);
  });
});

describe("a merchant's reply", () => {
  async function shopperWhoTexted(at: Date) {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    const contact = await db.contact.create({ data: { shopId: shop.id, phone } });
    await db.message.create({
      data: { shopId: shop.id, contactId: contact.id, direction: "inbound", body: "Is the blue one back?", fromNumber: phone, toNumber: shop.sendingNumber!, status: "received", occurredAt: at },
    });
    return { shop, phone };
  }
  const reply = (shopId: string, phone: string, at: Date) =>
    requestText({ db, clock: new VirtualClock(at) }, { shopId, to: phone, body: "Yes, it is!", purpose: "conversational" }, deps().secrets);

  it("leaves at once, even at 2 a.m., within 24 hours of the shopper's last text", async () => {
    const twoAm = new Date("2026-11-26T08:00:00Z"); // 02:00 in Chicago
    const { shop, phone } = await shopperWhoTexted(new Date(twoAm.getTime() - 23 * 3_600_000));
    expect((await reply(shop.id, phone, twoAm)).status).toBe("queued");
  });

  it("waits for the shopper's sending hours once their last text is over 24 hours old", async () => {
    const twoAm = new Date("2026-11-26T08:00:00Z");
    const { shop, phone } = await shopperWhoTexted(new Date(twoAm.getTime() - 25 * 3_600_000));
    const message = await reply(shop.id, phone, twoAm);
    expect({ status: message.status, holdUntil: message.holdUntil?.toISOString(), reason: JSON.parse(message.holdReason!).code }).toEqual({
      status: "held",
      holdUntil: "2026-11-26T14:00:00.000Z",
      reason: "quiet_hours",
    });
  });
});
