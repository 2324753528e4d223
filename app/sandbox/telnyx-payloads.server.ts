import { SegmentedMessage } from "sms-segments-calculator";
import type { TelnyxApiError } from "./telnyx-errors.server";

/**
 * Pure builders for the JSON the Telnyx double sends and answers. Shapes (and key order) follow
 * /work/shared/fixtures/telnyx: `messages-send-response.json` + the OpenAPI
 * `OutboundMessagePayload` for POST /v2/messages, `message-sent.json`,
 * `message-finalized-delivered.json` and `message-received.json` for webhooks.
 */

export type DeliveryStatus =
  | "queued"
  | "sent"
  | "delivered"
  | "delivery_failed"
  | "sending_failed"
  | "delivery_unconfirmed";

/** The double's state for one accepted outbound message. */
export interface OutboundMessageState {
  id: string;
  organizationId: string;
  messagingProfileId: string;
  /** Null when the sender was left to the messaging profile's number pool. */
  from: string | null;
  to: string;
  text: string;
  subject: string | null;
  mediaUrls: string[];
  type: "SMS" | "MMS";
  encoding: "GSM-7" | "UCS-2";
  parts: number;
  numChars: number;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  receivedAt: Date;
  sentAt: Date | null;
  completedAt: Date | null;
  status: DeliveryStatus;
  errors: TelnyxApiError[];
}

/** What `messages()` hands to tests and the sandbox UI: a copy, safe to keep. */
export interface TelnyxDoubleMessage {
  id: string;
  from: string | null;
  to: string;
  text: string;
  at: Date;
  parts: number;
  encoding: "GSM-7" | "UCS-2";
  type: "SMS" | "MMS";
  media: string[];
  webhookUrl: string | null;
  messagingProfileId: string;
  status: DeliveryStatus;
  errors: TelnyxApiError[];
}

export function describeMessage(m: OutboundMessageState): TelnyxDoubleMessage {
  return {
    id: m.id, from: m.from, to: m.to, text: m.text, at: m.receivedAt, parts: m.parts,
    encoding: m.encoding, type: m.type, media: [...m.mediaUrls], webhookUrl: m.webhookUrl,
    messagingProfileId: m.messagingProfileId, status: m.status, errors: [...m.errors],
  };
}

export interface InboundMessageInput {
  id: string;
  organizationId: string;
  messagingProfileId: string;
  from: string;
  to: string;
  text: string;
  media: { url: string; contentType: string | null }[];
  receivedAt: Date;
  webhookUrl: string;
}

// The fixtures' carriers; the double does no carrier lookup.
const RECIPIENT_CARRIER = { carrier: "T-MOBILE USA, INC.", line_type: "Wireless" };
const TELNYX_CARRIER = { carrier: "Telnyx", line_type: "Wireless" };
// The fixture's per-part price: rate 0.00205 + carrier fee 0.00305 = 0.0051 USD.
const RATE_PER_PART = 0.00205;
const CARRIER_FEE_PER_PART = 0.00305;
// An MMS is priced per message, not per part (an illustrative price, as the SMS one is).
const MMS_RATE = 0.01;
const MMS_CARRIER_FEE = 0.005;
// Telnyx keeps an unsent message in its queue for at most an hour (fixtures: valid_until = +1 h).
const VALIDITY_MS = 60 * 60 * 1000;

/** Telnyx webhooks write times as `2024-01-15T21:32:14.148+00:00`. */
export function telnyxTime(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "+00:00") : null;
}

export type RequestedEncoding = "auto" | "gsm7" | "ucs2";

type SegmentCount = { encoding: "GSM-7" | "UCS-2"; parts: number; numChars: number };
// A campaign sends one text to thousands: counting it once keeps the double's share of a
// benchmark machine small. Bounded, so a long sandbox session does not grow it for ever.
const counted = new Map<string, SegmentCount>();
const COUNTED_MAX = 1_000;

/** GSM-7 160/153 and UCS-2 70/67 segmenting; throws when `gsm7` is forced on non-GSM text. */
export function countSegments(text: string, requested: RequestedEncoding = "auto"): SegmentCount {
  const key = `${requested}:${text}`;
  const known = counted.get(key);
  if (known) return { ...known };
  const forced = requested === "gsm7" ? "GSM-7" : requested === "ucs2" ? "UCS-2" : "auto";
  const segmented = new SegmentedMessage(text, forced);
  const count = {
    encoding: segmented.encodingName as "GSM-7" | "UCS-2",
    parts: Math.max(1, segmented.segmentsCount),
    numChars: segmented.numberOfCharacters,
  };
  if (counted.size >= COUNTED_MAX) counted.clear();
  counted.set(key, count);
  return { ...count };
}

function money(amount: number) {
  return { amount: amount.toFixed(4), currency: "USD" };
}

function prices({ type, parts }: Pick<OutboundMessageState, "type" | "parts">) {
  return type === "MMS" ? { rate: MMS_RATE, carrierFee: MMS_CARRIER_FEE } : { rate: parts * RATE_PER_PART, carrierFee: parts * CARRIER_FEE_PER_PART };
}

function cost(message: Pick<OutboundMessageState, "type" | "parts">) {
  const { rate, carrierFee } = prices(message);
  return money(rate + carrierFee);
}

function costBreakdown(message: Pick<OutboundMessageState, "type" | "parts">) {
  const { rate, carrierFee } = prices(message);
  return {
    carrier_fee: { amount: carrierFee.toFixed(5), currency: "USD" },
    rate: { amount: rate.toFixed(5), currency: "USD" },
  };
}

function outboundMedia(message: OutboundMessageState) {
  return message.mediaUrls.map((url) => ({ url, content_type: null, sha256: null, size: null }));
}

function validUntil(message: OutboundMessageState) {
  return telnyxTime(new Date(message.receivedAt.getTime() + VALIDITY_MS));
}

/** `data` of POST /v2/messages and GET /v2/messages/{id} (OpenAPI OutboundMessagePayload). */
export function outboundMessagePayload(message: OutboundMessageState) {
  return {
    record_type: "message",
    direction: "outbound",
    id: message.id,
    type: message.type,
    messaging_profile_id: message.messagingProfileId,
    organization_id: message.organizationId,
    from: { phone_number: message.from, ...TELNYX_CARRIER },
    to: [{ phone_number: message.to, status: message.status, ...RECIPIENT_CARRIER }],
    cc: [],
    text: message.text,
    subject: message.subject,
    media: outboundMedia(message),
    webhook_url: message.webhookUrl,
    webhook_failover_url: message.webhookFailoverUrl,
    encoding: message.encoding,
    parts: message.parts,
    num_chars: message.numChars,
    tags: [],
    cost: cost(message),
    cost_breakdown: costBreakdown(message),
    tcr_campaign_id: null,
    tcr_campaign_billable: false,
    tcr_campaign_registered: null,
    received_at: telnyxTime(message.receivedAt),
    sent_at: telnyxTime(message.sentAt),
    completed_at: telnyxTime(message.completedAt),
    valid_until: message.completedAt ? null : validUntil(message),
    wait_seconds: 0,
    errors: message.errors,
  };
}

function envelope(eventType: string, eventId: string, occurredAt: Date, payload: object, deliveredTo: string) {
  return {
    data: {
      event_type: eventType,
      id: eventId,
      occurred_at: telnyxTime(occurredAt),
      payload,
      record_type: "event",
    },
    meta: { attempt: 1, delivered_to: deliveredTo },
  };
}

/** Body of a `message.sent` webhook, keyed exactly like fixtures/telnyx/message-sent.json. */
export function messageSentEvent(message: OutboundMessageState, eventId: string, occurredAt: Date, deliveredTo: string) {
  return envelope("message.sent", eventId, occurredAt, {
    completed_at: null,
    cost: cost(message),
    direction: "outbound",
    encoding: message.encoding,
    errors: [],
    from: { ...TELNYX_CARRIER, phone_number: message.from },
    id: message.id,
    media: outboundMedia(message),
    messaging_profile_id: message.messagingProfileId,
    organization_id: message.organizationId,
    parts: message.parts,
    received_at: telnyxTime(message.receivedAt),
    record_type: "message",
    sent_at: telnyxTime(message.sentAt),
    text: message.text,
    to: [{ ...RECIPIENT_CARRIER, phone_number: message.to, status: "sent" }],
    type: message.type,
    valid_until: validUntil(message),
    webhook_url: message.webhookUrl,
  }, deliveredTo);
}

/** Body of a `message.finalized` webhook, keyed like message-finalized-delivered.json. */
export function messageFinalizedEvent(message: OutboundMessageState, eventId: string, occurredAt: Date, deliveredTo: string) {
  return envelope("message.finalized", eventId, occurredAt, {
    completed_at: telnyxTime(message.completedAt),
    cost: cost(message),
    cost_breakdown: costBreakdown(message),
    direction: "outbound",
    encoding: message.encoding,
    errors: message.errors,
    // The published delivery receipt carries this status on `from`; copied as is.
    from: { ...TELNYX_CARRIER, phone_number: message.from, status: "webhook_delivered" },
    id: message.id,
    media: outboundMedia(message),
    messaging_profile_id: message.messagingProfileId,
    organization_id: message.organizationId,
    parts: message.parts,
    received_at: telnyxTime(message.receivedAt),
    record_type: "message",
    sent_at: telnyxTime(message.sentAt),
    tags: [],
    text: message.text,
    to: [{ ...RECIPIENT_CARRIER, phone_number: message.to, status: message.status }],
    type: message.type,
    valid_until: validUntil(message),
    webhook_url: message.webhookUrl,
    tcr_campaign_billable: false,
    tcr_campaign_id: null,
    tcr_campaign_registered: null,
  }, deliveredTo);
}

/** Body of a `message.received` webhook, keyed exactly like message-received.json. */
export function messageReceivedEvent(inbound: InboundMessageInput, eventId: string) {
  const { encoding, parts } = countSegments(inbound.text);
  return envelope("message.received", eventId, inbound.receivedAt, {
    completed_at: null,
    cost: money(0),
    direction: "inbound",
    encoding,
    errors: [],
    from: { carrier: "T-Mobile USA", line_type: "long_code", phone_number: inbound.from },
    id: inbound.id,
    media: inbound.media.map((m) => ({ url: m.url, content_type: m.contentType, sha256: null, size: null })),
    messaging_profile_id: inbound.messagingProfileId,
    organization_id: inbound.organizationId,
    parts,
    received_at: telnyxTime(inbound.receivedAt),
    record_type: "message",
    sent_at: null,
    tags: [],
    text: inbound.text,
    to: [{ ...TELNYX_CARRIER, phone_number: inbound.to, status: "webhook_delivered" }],
    type: inbound.media.length > 0 ? "MMS" : "SMS",
    valid_until: null,
    webhook_failover_url: null,
    webhook_url: inbound.webhookUrl,
  }, inbound.webhookUrl);
}

/** A number on a messaging profile, shaped like Telnyx's PhoneNumberWithMessagingSettings. */
export function profileNumberPayload(phoneNumber: string, messagingProfileId: string, index: number) {
  const tollFree = /^\+1(800|833|844|855|866|877|888)/.test(phoneNumber);
  return {
    record_type: "messaging_settings",
    id: String(1293384261075731499n + BigInt(index)),
    phone_number: phoneNumber,
    messaging_profile_id: messagingProfileId,
    country_code: "US",
    type: tollFree ? "tollfree" : "longcode",
    messaging_product: "A2P",
    traffic_type: "A2P",
    eligible_messaging_products: ["A2P"],
    features: { sms: { domestic_two_way: true, international_inbound: true, international_outbound: true }, mms: null },
    health: { message_count: 0, inbound_outbound_ratio: 0, success_ratio: 1, spam_ratio: 0 },
    created_at: "2026-01-05T10:00:00.000Z",
    updated_at: "2026-01-05T10:00:00.000Z",
  };
}
