// /api/v1/segments in the OpenAPI document.
import type { ApiResource } from "./openapi";
import { OPERATORS, SEGMENT_FIELDS } from "~/marketing/segment-rules";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });

export const SEGMENTS_RESOURCE: ApiResource = {
  tag: { name: "Segments", description: "Saved audiences: rules over what the app knows of each contact. A segment only ever counts contacts who can be texted marketing." },
  schemas: {
    SegmentRules: {
      description: "A condition, or an all/any group of rules (nested up to 5 deep)",
      oneOf: [
        {
          type: "object",
          required: ["field", "op", "value"],
          properties: {
            field: { enum: SEGMENT_FIELDS },
            op: { enum: [...OPERATORS] },
            value: {
              description: "A number for counts, spend and *_days_ago / *_hours_ago (whole days or hours since); text for country, state, tag, consent_source; a list for in",
              oneOf: [{ type: "number" }, { type: "string" }, { type: "array", items: { type: ["number", "string"] } }],
            },
          },
        },
        { type: "object", required: ["all"], properties: { all: { type: "array", items: ref("SegmentRules") } } },
        { type: "object", required: ["any"], properties: { any: { type: "array", items: ref("SegmentRules") } } },
      ],
    },
    Segment: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        rules: ref("SegmentRules"),
        readyMade: { type: "boolean", description: "One of the playbook segments every shop has" },
        size: { type: "integer", description: "Contacts the rules match who can be texted marketing, now" },
        leftOut: {
          type: "object",
          description: "Contacts the rules match who cannot be texted, each under its first reason",
          properties: { suppressed: { type: "integer" }, optedOut: { type: "integer" }, noConsent: { type: "integer" } },
        },
      },
    },
  },
  operations: [
    {
      path: "/segments",
      method: "post",
      operationId: "createSegment",
      summary: "Save a segment and count it",
      requestBody: { required: true, content: json({ type: "object", required: ["name", "rules"], properties: { name: { type: "string", maxLength: 100 }, rules: ref("SegmentRules") } }) },
      responses: { "201": { description: "Saved", content: json({ type: "object", properties: { id: { type: "string" }, size: { type: "integer" } } }) } },
    },
    {
      path: "/segments",
      method: "get",
      operationId: "listSegments",
      summary: "The shop's segments, ready-made ones first, with their sizes",
      responses: { "200": { description: "The segments", content: json({ type: "object", properties: { segments: { type: "array", items: ref("Segment") } } }) } },
    },
    {
      path: "/segments/{id}",
      method: "get",
      operationId: "getSegment",
      summary: "One segment with its size now",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": { description: "The segment", content: json(ref("Segment")) } },
    },
  ],
};
