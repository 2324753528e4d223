// What the Telnyx webhook route must know of an event before it answers: whether it is a
// shopper's opt-out, which commits with the delivery's record (app/compliance/intake-opt-outs).
import { classifyInboundText } from "~/compliance/keywords";
import type { IntakeOptOut } from "~/compliance/intake-opt-outs.server";
import { inboundTextFrom, type TelnyxEvent } from "./telnyx-webhooks.server";

/** Throws TelnyxPayloadError for a message.received without sender, recipient or id (a 400). */
export function intakeOptOutOf(event: TelnyxEvent): IntakeOptOut | undefined {
  if (event.data.event_type !== "message.received") return undefined;
  const inbound = inboundTextFrom(event);
  // A shop's own opt-in keywords never shadow an opt-out, so they are not needed here.
  if (classifyInboundText(inbound.text, { optInKeywords: [], optedOut: false }).intent !== "opt_out") return undefined;
  return { to: inbound.to, from: inbound.from, text: inbound.text, providerMessageId: inbound.providerMessageId, receivedAt: inbound.receivedAt };
}
