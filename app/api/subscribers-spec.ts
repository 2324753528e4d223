// /api/v1/subscribers in the OpenAPI document.
import type { ApiResource } from "./openapi";
import { CONSENT_STATES, MAX_SUBSCRIBERS_PAGE_SIZE, SUBSCRIBERS_PAGE_SIZE } from "~/marketing/subscribers.server";
import { MAX_TAG_LENGTH, MAX_TAGS } from "~/marketing/subscriber-input";

export const MAX_SUBSCRIBERS_PER_REQUEST = 1000;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const SUBSCRIBERS_RESOURCE: ApiResource = {
  tag: { name: "Subscribers", description: "Contacts and their marketing consent, with the evidence it was given" },
  schemas: {
    SubscriberInput: {
      type: "object",
      required: ["phone", "consent"],
      properties: {
        phone: { type: "string", description: "E.164 (+13125550142); a national number is read as US/Canadian", examples: ["+13125550142"] },
        firstName: { type: "string", maxLength: 100 },
        tags: { type: "array", items: { type: "string", maxLength: MAX_TAG_LENGTH }, maxItems: MAX_TAGS, description: "Added to the subscriber's tags" },
        welcome: { type: "boolean", default: false, description: "A new subscriber gets the welcome series, when the shop has it on" },
        consent: {
          type: "object",
          required: ["consentedAt", "source", "disclosure"],
          description: "The evidence of the shopper's consent, kept in the consent ledger",
          properties: {
            consentedAt: { type: "string", format: "date-time", description: "When the shopper agreed; not in the future" },
            source: { type: "string", maxLength: 200, description: "Where they agreed (\"Attentive popup on example.com\")" },
            disclosure: { type: "string", maxLength: 2000, description: "The disclosure they agreed to, word for word, or its URL" },
          },
        },
      },
    },
    SubscriberOutcome: {
      type: "object",
      required: ["index", "outcome"],
      properties: {
        index: { type: "integer", description: "The item's position in the request, from 0" },
        outcome: { enum: ["created", "updated", "refused"] },
        id: { type: "string", description: "The subscriber's id (created, updated)" },
        phone: { type: "string", description: "The number in E.164" },
        reason: {
          enum: ["invalid", "duplicate", "opted_out", "suppressed", "withdrawn_later"],
          description:
            "Why it was refused: invalid (see field), duplicate (the same number earlier in the request), opted_out (the shopper texted STOP; only they can opt back in), suppressed (erased after an opt-out; never texted), withdrawn_later (marketing consent was withdrawn after consentedAt)",
        },
        error: { type: "string" },
        field: { type: "string", description: "The item's field at fault, e.g. consent.consentedAt" },
      },
    },
    Subscriber: {
      type: "object",
      properties: {
        id: { type: "string" },
        phone: { type: "string" },
        firstName: { type: ["string", "null"] },
        lastName: { type: ["string", "null"] },
        consentState: { enum: [...CONSENT_STATES] },
        consentSource: { type: ["string", "null"], description: "Where the consent in force came from: checkout, keyword, api, csv_import, ..." },
        tags: { type: "array", items: { type: "string" } },
        countryCode: { type: ["string", "null"] },
        provinceCode: { type: ["string", "null"] },
        ordersCount: { type: "integer" },
        createdAt: { type: "string", format: "date-time" },
      },
    },
  },
  operations: [
    {
      path: "/subscribers",
      method: "post",
      operationId: "importSubscribers",
      summary: "Add subscribers with their consent evidence",
      description: `One subscriber, or {subscribers: [...]} with up to ${MAX_SUBSCRIBERS_PER_REQUEST}. Each is checked on its own and answered with its outcome, in order; nothing is sent. Numbers that opted out or are suppressed stay so.`,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              oneOf: [
                ref("SubscriberInput"),
                {
                  type: "object",
                  required: ["subscribers"],
                  properties: { subscribers: { type: "array", items: ref("SubscriberInput"), minItems: 1, maxItems: MAX_SUBSCRIBERS_PER_REQUEST } },
                },
              ],
            },
          },
        },
      },
      responses: {
        "200": {
          description: "Each subscriber's outcome, and the counts",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  results: { type: "array", items: ref("SubscriberOutcome") },
                  counts: { type: "object", properties: { created: { type: "integer" }, updated: { type: "integer" }, refused: { type: "integer" } } },
                },
              },
            },
          },
        },
      },
    },
    {
      path: "/subscribers",
      method: "get",
      operationId: "listSubscribers",
      summary: "List subscribers, newest first",
      parameters: [
        { name: "tag", in: "query", schema: { type: "string" }, description: "Only subscribers with this tag" },
        { name: "segmentId", in: "query", schema: { type: "string" }, description: "Only the segment's members: the subscribers it would text now (404 for another shop's segment)" },
        { name: "consent", in: "query", schema: { enum: [...CONSENT_STATES] }, description: "Only subscribers in this consent state" },
        { name: "source", in: "query", schema: { type: "string" }, description: "Only subscribers whose consent came from this source" },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_SUBSCRIBERS_PAGE_SIZE, default: SUBSCRIBERS_PAGE_SIZE } },
        { name: "after", in: "query", schema: { type: "string" }, description: "The `next` cursor of the previous page" },
      ],
      responses: {
        "200": {
          description: "A page of subscribers; `next` is null on the last page",
          content: {
            "application/json": {
              schema: { type: "object", properties: { subscribers: { type: "array", items: ref("Subscriber") }, next: { type: ["string", "null"] } } },
            },
          },
        },
      },
    },
  ],
};
