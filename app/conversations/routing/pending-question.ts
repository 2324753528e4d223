// A question automation asked and whose answer the next text may be (Conversation.pendingQuestion):
// "5" means nothing on its own, but after "How would you rate your order?" it is a rating.
import { z } from "zod";

const PendingQuestion = z.object({
  kind: z.literal("order_rating"),
  shipmentId: z.string(),
  orderName: z.string().nullable(),
  askedAt: z.string().datetime(),
});
export type PendingQuestion = z.infer<typeof PendingQuestion>;

/** How long a question waits for its answer; after that a "5" is just a "5". */
export const PENDING_QUESTION_TTL_MS = 7 * 24 * 60 * 60_000;

export function serializePendingQuestion(question: PendingQuestion): string {
  return JSON.stringify(PendingQuestion.parse(question));
}

/** The conversation's open question, or null when there is none, it has expired or it is unreadable. */
export function readPendingQuestion(stored: string | null, now: Date): PendingQuestion | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = PendingQuestion.safeParse(value);
  if (!parsed.success) return null;
  return now.getTime() - Date.parse(parsed.data.askedAt) > PENDING_QUESTION_TTL_MS ? null : parsed.data;
}
