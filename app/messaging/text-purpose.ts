// Why a text is sent decides what it needs: marketing needs marketing consent, order updates
// need transactional consent, a reply needs a conversation the shopper started, and the
// compliance answers (STOP, HELP, START confirmations) are owed to whoever asked.
export type TextPurpose = "marketing" | "transactional" | "conversational" | "compliance";

// How long a held text may wait for its window before it is no longer worth sending.
export const MAX_AGE_MS: Record<TextPurpose, number> = {
  marketing: 12 * 60 * 60 * 1000,
  transactional: 24 * 60 * 60 * 1000,
  conversational: 24 * 60 * 60 * 1000,
  compliance: 60 * 60 * 1000,
};

export const MAX_SEGMENTS = 10;
export const STOP_FOOTER = "Reply STOP to opt out";
