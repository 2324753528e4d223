// A storefront sign-up's life cycle, as a table: pending until the shopper's Y confirms it or its
// time runs out. One asked nothing (the number was already subscribed, opted out or suppressed)
// is "not_asked" from the start and moves no further; it is kept so the rate limit counts it
// like any other, and a visitor cannot tell the two apart by being limited sooner.
import type { DbOrTx } from "~/compliance/consent-ledger.server";

export type SignUpStatus = "pending" | "not_asked" | "confirmed" | "expired";

const MOVES: Record<SignUpStatus, readonly SignUpStatus[]> = {
  pending: ["confirmed", "expired"],
  not_asked: [],
  confirmed: [],
  expired: [],
};

/** Moves the sign-up from one of `from` to `to`; false when it was not in one of them (a move the table refuses never happens). */
export async function moveSignUp(db: DbOrTx, input: { id: string; from: SignUpStatus; to: SignUpStatus; at: Date }): Promise<boolean> {
  if (!MOVES[input.from].includes(input.to)) throw new Error(`A sign-up does not move from ${input.from} to ${input.to}`);
  const { count } = await db.signUp.updateMany({
    where: { id: input.id, status: input.from },
    data: { status: input.to, updatedAt: input.at, ...(input.to === "confirmed" && { confirmedAt: input.at }) },
  });
  return count === 1;
}
