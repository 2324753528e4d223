// Why a text is sent decides what it needs: marketing needs marketing consent, order updates
// need transactional consent, a reply needs a conversation the shopper started, the keyword
// answers (HELP, START, JOIN confirmations) are owed to whoever asked unless they opted out,
// and an opted-out shopper's own keyword (the STOP itself, a HELP) still gets its one answer.
export type TextPurpose = "marketing" | "transactional" | "conversational" | "compliance" | "opt_out_reply";

// How long a held text may wait for its window before it is no longer worth sending.
export const MAX_AGE_MS: Record<TextPurpose, number> = {
  marketing: 12 * 60 * 60 * 1000,
  transactional: 24 * 60 * 60 * 1000,
  conversational: 24 * 60 * 60 * 1000,
  compliance: 60 * 60 * 1000,
  opt_out_reply: 60 * 60 * 1000,
};

/** A reply within this long of the shopper's last text is conversation; later it is proactive. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export const MAX_SEGMENTS = 10;
export const STOP_FOOTER = "Reply STOP to opt out";
