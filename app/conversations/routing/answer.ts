// What automation decided about one shopper text: the reply, whether a person must follow up and
// why, and what the classifier understood. Every answerer returns one; the inbound router sends
// it and the Automation page's try-a-message box shows it.

export const HANDOFF_REASONS = {
  asked_for_person: "Asked for a person",
  complaint: "Complaint",
  angry: "Upset",
  low_rating: "Low rating",
  order_not_verified: "Order not theirs to see",
  order_not_found: "Order not found",
  ai_untraceable: "AI answer held back",
  needs_team: "Needs your team",
  unclear: "Not understood",
} as const;
export type HandoffReason = keyof typeof HANDOFF_REASONS;

export function handoffLabel(reason: string | null): string | null {
  if (!reason) return null;
  return HANDOFF_REASONS[reason as HandoffReason] ?? reason;
}

export interface Understanding {
  intent: string;
  /** The calibrated chance that the intent is right, 0–1; null when nothing calibrated it (an AI answer). */
  confidence: number | null;
  entry: { id: string; question: string } | null;
}

export interface Answer {
  answeredBy: "rating" | "welcome" | "keyword" | "order lookup" | "FAQ" | "AI" | "your team";
  /** The text to send back; null: the hand-off acknowledgement (or the away message) applies. */
  reply: string | null;
  needsPerson: boolean;
  handoffReason?: HandoffReason;
  /** The conversation's open question after this text: a new one, null to clear it, undefined to leave it. */
  pendingQuestion?: string | null;
  understanding?: Understanding;
  /** Tags the contact gets (the welcome series' preference); the router adds them, a preview does not. */
  tags?: string[];
  /**
   * Work that finishes the answer outside the inbound text's transaction (a call to Shopify or to
   * a chat model must not hold it open): the router queues it as this job; the try-a-message box
   * does not.
   */
  followUp?: { job: string; payload: Record<string, unknown> };
}

export function handOff(reason: HandoffReason, extra: Partial<Answer> = {}): Answer {
  return { answeredBy: "your team", reply: null, needsPerson: true, handoffReason: reason, ...extra };
}
