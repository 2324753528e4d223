// The one client a process shares: a flow's statement must not become part of another flow's
// open transaction (on SQLite they share one connection), nor be undone by its rollback.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../tests/support/database";
import { createShop } from "../tests/support/factories";
import { systemClock } from "./clock.server";

const { db } = useTestDatabase();

describe("the shared database client", () => {
  it("an update issued while another flow's transaction is open survives that transaction's rollback", async () => {
    const shop = await createShop({ db, clock: systemClock });
    await db.contact.create({ data: { shopId: shop.id, phone: "+13125550160" } });
    let insideTransaction!: () => void;
    const transactionOpen = new Promise<void>((resolve) => (insideTransaction = resolve));
    let finishTransaction!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finishTransaction = resolve));

    const failingFlow = db
      .$transaction(async (tx) => {
        await tx.contact.create({ data: { shopId: shop.id, phone: "+13125550161" } });
        insideTransaction();
        await mayFinish;
        throw new Error("this flow fails and rolls back");
      })
      .catch((error: Error) => error.message);

    await transactionOpen;
    // Prisma's queries start when awaited: `then` starts this one now, mid-transaction.
    const otherFlow = db.contact
      .update({ where: { shopId_phone: { shopId: shop.id, phone: "+13125550160" } }, data: { firstName: "Kept" } })
      .then((contact) => contact.firstName);
    setTimeout(finishTransaction, 50);
    expect(await failingFlow).toBe("this flow fails and rolls back");
    expect(await otherFlow).toBe("Kept");

    const contacts = await db.contact.findMany({ where: { shopId: shop.id }, select: { phone: true, firstName: true } });
    expect(contacts).toEqual([{ phone: "+13125550160", firstName: "Kept" }]);
  });
});
