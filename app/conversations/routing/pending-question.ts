// A question automation asked and whose answer the next text may be (Conversation.pendingQuestion):
// "5" means nothing on its own, but after "How would you rate your order?" it is a rating, and
// "1043" after "Reply with your order number" is an order to look up.
import { z } from "zod";

const askedAt = z.string().datetime();
const OrderRatingQuestion = z.object({ kind: z.literal("order_rating"), shipmentId: z.string(), orderName: z.string().nullable(), askedAt });
const OrderNumberQuestion = z.object({ kind: z.literal("order_number"), askedAt });
// The welcome series' "What are you shopping for? Reply 1 for…" (app/flows/welcome).
const WelcomePreferenceQuestion = z.object({ kind: z.literal("welcome_preference"), enrollmentId: z.string(), askedAt });
const PendingQuestionSchema = z.discriminatedUnion("kind", [OrderRatingQuestion, OrderNumberQuestion, WelcomePreferenceQuestion]);

// A field only the rating has reads as undefined on the other kinds, so `asked?.shipmentId`
// needs no check of the kind first.
type NotRating = { shipmentId?: undefined; orderName?: undefined };
export type PendingQuestion =
  | z.infer<typeof OrderRatingQuestion>
  | (z.infer<typeof OrderNumberQuestion> & NotRating)
  | (z.infer<typeof WelcomePreferenceQuestion> & NotRating);

/** How long a question waits for its answer; after that a "5" is just a "5". */
export const PENDING_QUESTION_TTL_MS = 7 * 24 * 60 * 60_000;

export function serializePendingQuestion(question: PendingQuestion): string {
  return JSON.stringify(PendingQuestionSchema.parse(question));
}

/** "Reply with your order number", asked now. */
export function askForOrderNumber(now: Date): string {
  return serializePendingQuestion({ kind: "order_number", askedAt: now.toISOString() });
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
  const parsed = PendingQuestionSchema.safeParse(value);
  if (!parsed.success) return null;
  return now.getTime() - Date.parse(parsed.data.askedAt) > PENDING_QUESTION_TTL_MS ? null : parsed.data;
}
