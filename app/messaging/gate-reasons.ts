// The sender gate's typed reasons, stored on the message as JSON and shown to the merchant.
import type { ReplyTiming } from "./sender-gate.server";

export type GateReason =
  | { code: "opted_out"; since?: string }
  | { code: "suppressed" }
  | { code: "no_consent"; scope: "marketing" | "transactional" | "conversation" }
  | { code: "quiet_hours"; until: string; zones: string[] }
  | { code: "no_common_window"; zones: string[] }
  | { code: "frequency_cap"; cap: "day" | "week"; until: string }
  | { code: "too_long"; segments: number }
  | { code: "stale"; ageMinutes: number }
  | { code: "not_connected" }
  // Not the gate's: a flow text withdrawn because its purpose went away before it left.
  | { code: "ordered" }
  | { code: "campaign_cancelled" };

export type GateDecision =
  | { verdict: "send" }
  | { verdict: "refuse"; reason: GateReason }
  | { verdict: "hold"; reason: GateReason; until: Date };

function localTime(iso: string, zone: string) {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "2-digit", minute: "2-digit", hour12: false })
    .format(new Date(iso));
}

export function describeGateReason(reason: GateReason): string {
  switch (reason.code) {
    case "opted_out":
      return "not sent: the shopper opted out";
    case "ordered":
      return "not sent: the shopper placed the order first";
    case "campaign_cancelled":
      return "not sent: the campaign was cancelled";
    case "suppressed":
      return "not sent: the number is on the suppression list";
    case "no_consent":
      return reason.scope === "conversation"
        ? "not sent: the shopper has not texted this shop"
        : `not sent: no ${reason.scope} consent`;
    case "quiet_hours":
      return `held: quiet hours until ${localTime(reason.until, reason.zones[0])} ${reason.zones[0]}`;
    case "no_common_window":
      return `not sent: no hour is allowed in all of ${reason.zones.join(", ")}`;
    case "frequency_cap":
      return `held: ${reason.cap === "day" ? "daily" : "weekly"} marketing cap reached until ${reason.until}`;
    case "too_long":
      return `not sent: ${reason.segments} segments (at most 10)`;
    case "stale":
      return `not sent: held ${reason.ageMinutes} minutes, too old to send`;
    case "not_connected":
      return "not sent: Telnyx is not connected";
  }
}

// A message as the admin shows it after asking to send it.
export function messageOutcome(message: { id: string; status: string; holdReason: string | null }) {
  const reason = message.holdReason ? describeGateReason(JSON.parse(message.holdReason) as GateReason) : null;
  return { id: message.id, status: message.status, reason };
}

function localDateTime(at: Date, zone: string) {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at);
}

/** What the composer tells the merchant before they send a reply: when it will leave, and why. */
export function describeReplyTiming(timing: ReplyTiming, now: Date, zone: string): string {
  switch (timing.kind) {
    case "no_conversation":
      return "This shopper has not texted the shop, so a reply cannot be sent.";
    case "in_conversation":
      return `The shopper texted within the last 24 hours: a reply leaves at once (until ${localDateTime(timing.until, zone)} their time).`;
    case "proactive":
      if (!timing.leavesAt) return `Over 24 hours since the shopper's last text, and no hour is allowed in all of ${timing.zones.join(", ")}: a reply would not be sent.`;
      if (timing.leavesAt <= now) return "Over 24 hours since the shopper's last text: a reply counts as a new text and leaves now, inside their sending hours.";
      return `Over 24 hours since the shopper's last text: a reply counts as a new text and waits for their sending hours. It will leave at ${localDateTime(timing.leavesAt, zone)} (${zone}).`;
  }
}
