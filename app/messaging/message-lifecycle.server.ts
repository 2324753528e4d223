// The life cycle of a Message, in one place: which status may follow which, and the one
// function that changes a status. Every move is a compare-and-set (the row must still be in a
// status the table allows to move), so two workers, a late receipt and a STOP cannot undo one
// another: whichever comes second finds the row moved on and changes nothing.
import type { Message, Prisma } from "../../prisma/generated/sqlite/index.js";
import { sqlBuildersOf } from "../db.server";
import type { DbOrTx } from "../jobs/queue.server";
import type { GateDecision } from "./gate-reasons";
import { reasonCode, textsMoved } from "../metrics.server";

export type MessageStatus = "received" | "queued" | "held" | "refused" | "sending" | "sent" | "delivered" | "failed" | "cancelled";

// A receipt proves a text went out, so it may move a row the worker has not settled yet
// (queued again after a connection error that did in fact reach Telnyx) straight to sent or on.
const RECEIPTS: MessageStatus[] = ["sent", "delivered", "failed"];

/** The statuses each status may move to. Absent or empty: final. */
export const MESSAGE_TRANSITIONS: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  received: [],
  // The gate's last check before the text leaves: claimed, held for a window or a cap, refused.
  // A STOP, an order or an uninstall cancels what has not left.
  queued: ["sending", "held", "refused", "cancelled", ...RECEIPTS],
  held: ["sending", "held", "refused", "cancelled", ...RECEIPTS],
  // Handed to Telnyx. Back to queued only when the request provably never reached Telnyx (a
  // refused connection, a 429, a 5xx); failed when Telnyx refused it or never confirmed it.
  sending: ["queued", ...RECEIPTS],
  sent: ["delivered", "failed"],
  delivered: [],
  failed: [],
  refused: [],
  cancelled: [],
};

export const WAITING_TO_SEND: readonly MessageStatus[] = ["queued", "held"];

/** The statuses from which a move to `to` is allowed. */
function statusesMovingTo(to: MessageStatus): MessageStatus[] {
  return (Object.keys(MESSAGE_TRANSITIONS) as MessageStatus[]).filter((from) => MESSAGE_TRANSITIONS[from].includes(to));
}

/** Counts new outbound texts in the status each starts in, for /metrics. */
export function countNewTexts(texts: Pick<Message, "status" | "holdReason">[]) {
  for (const { status, holdReason } of texts) textsMoved.inc({ status, reason: reasonCode(holdReason) });
}

function countMoves(to: MessageStatus, holdReason: unknown, moved: number) {
  if (moved > 0) textsMoved.inc({ status: to, reason: reasonCode(typeof holdReason === "string" ? holdReason : null) }, moved);
}

/** The status a new outbound text starts in, from the gate's first decision. */
export function initialStatus(decision: GateDecision): MessageStatus {
  return decision.verdict === "send" ? "queued" : decision.verdict === "hold" ? "held" : "refused";
}

export type MessageChange = Omit<Prisma.MessageUpdateManyMutationInput, "status">;

export interface MoveMessages {
  /** The rows to move: ids, or any filter (a shop's pending texts). */
  where: Prisma.MessageWhereInput;
  to: MessageStatus;
  /** Narrows the statuses the move starts from, within what the table allows. */
  from?: readonly MessageStatus[];
  data?: MessageChange;
}

/**
 * Moves the rows that are in an allowed status to `to`, with `data`, in one statement, and
 * returns the ids that moved. Rows already elsewhere are left as they are.
 */
export async function moveMessages(db: DbOrTx, { where, to, from, data = {} }: MoveMessages): Promise<Set<string>> {
  const moved = await db.message.updateManyAndReturn({ where: { ...where, status: { in: allowedFrom(to, from) } }, data: { ...data, status: to }, select: { id: true } });
  countMoves(to, data.holdReason, moved.length);
  return new Set(moved.map((row) => row.id));
}

/** A change of columns that raw SQL can write as they are. */
export type MessageColumns = Partial<Pick<Message, "sendAttemptedAt" | "fromNumber" | "errorCode" | "errorDetail" | "holdReason" | "holdUntil">>;

/**
 * moveMessages for rows known by id, as one plain statement: the sending path moves every
 * text through here, and Prisma's query building costs more than the update itself.
 */
export async function moveMessagesWithIds(
  db: DbOrTx,
  ids: string[],
  { to, from, data = {}, at }: { to: MessageStatus; from?: readonly MessageStatus[]; data?: MessageColumns; at: Date },
): Promise<Set<string>> {
  const allowed = allowedFrom(to, from);
  if (ids.length === 0) return new Set();
  const { sql, join, raw } = sqlBuildersOf(db);
  const changes = Object.entries(data).map(([column, value]) => sql`${raw(`"${column}"`)} = ${value ?? null}`);
  const moved = await db.$queryRaw<{ id: string }[]>(sql`
    UPDATE "Message" SET ${join([...changes, sql`"status" = ${to}`, sql`"updatedAt" = ${at}`])}
    WHERE "id" IN (${join(ids)}) AND "status" IN (${join(allowed)})
    RETURNING "id"`);
  countMoves(to, data.holdReason, moved.length);
  return new Set(moved.map((row) => row.id));
}

function allowedFrom(to: MessageStatus, from?: readonly MessageStatus[]): MessageStatus[] {
  const allowed = statusesMovingTo(to).filter((status) => !from || from.includes(status));
  if (allowed.length === 0) throw new Error(`No message may move to ${to} from ${from?.join(", ") ?? "anywhere"}`);
  return allowed;
}

/** moveMessages for one row: true when it moved. */
export async function moveMessage(db: DbOrTx, id: string, to: MessageStatus, data?: MessageChange, from?: readonly MessageStatus[]): Promise<boolean> {
  return (await moveMessages(db, { where: { id }, to, from, data })).size === 1;
}
