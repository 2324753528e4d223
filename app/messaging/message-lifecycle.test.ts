// The one place a Message's status changes: moves allowed by the table happen, others leave the
// row as it is, and only the rows still in a status the move starts from are touched.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../tests/support/database";
import { createQueuedMessage, createSendingShop } from "../../tests/support/outbound-messages";
import { MESSAGE_TRANSITIONS, moveMessage, moveMessages, type MessageStatus } from "./message-lifecycle.server";

const { db } = useTestDatabase();
let shop: Awaited<ReturnType<typeof createSendingShop>>;
beforeAll(async () => {
  shop = await createSendingShop(db);
});

async function messageIn(status: MessageStatus) {
  const message = await createQueuedMessage(db, shop);
  return db.message.update({ where: { id: message.id }, data: { status } });
}
const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id } })).status;

describe("moveMessages", () => {
  it("moves only the rows still in a status the move may start from, and says which", async () => {
    const [queued, held, cancelled, sending] = await Promise.all((["queued", "held", "cancelled", "sending"] as const).map(messageIn));
    const moved = await moveMessages(db, { where: { id: { in: [queued.id, held.id, cancelled.id, sending.id] } }, to: "sending" });
    expect([...moved].sort()).toEqual([queued.id, held.id].sort());
    expect(await statusOf(cancelled.id)).toBe("cancelled");
  });

  it.each(Object.entries(MESSAGE_TRANSITIONS).filter(([, next]) => next.length === 0).map(([status]) => status as MessageStatus))(
    "never moves a %s text again",
    async (status) => {
      const message = await messageIn(status);
      for (const to of ["queued", "sending", "sent", "delivered", "failed", "cancelled"] as const) {
        expect(await moveMessage(db, message.id, to)).toBe(false);
      }
      expect(await statusOf(message.id)).toBe(status);
    },
  );

  it("sends a text back to waiting only from sending, and never holds one that left", async () => {
    const sent = await messageIn("sent");
    expect(await moveMessage(db, sent.id, "queued")).toBe(false);
    expect(await moveMessage(db, sent.id, "held")).toBe(false);
    const sending = await messageIn("sending");
    expect(await moveMessage(db, sending.id, "held")).toBe(false);
    expect(await moveMessage(db, sending.id, "queued", { errorCode: "429" })).toBe(true);
    expect(await db.message.findUniqueOrThrow({ where: { id: sending.id } })).toMatchObject({ status: "queued", errorCode: "429" });
  });

  it("refuses a move the table has no way into", async () => {
    const message = await messageIn("queued");
    await expect(moveMessages(db, { where: { id: message.id }, to: "received" })).rejects.toThrow(/No message may move to received/);
  });
});
