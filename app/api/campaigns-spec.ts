// /api/v1/campaigns in the OpenAPI document.
import type { ApiResource } from "./openapi";
import { CAMPAIGN_VARIABLES, DEFAULT_HOLDOUT_PERCENT, DEFAULT_SKIP_HOURS } from "~/marketing/campaign-input";
import { ORDER_WINDOW_DAYS } from "~/marketing/campaign-report-definitions";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });
const idParameter = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = (description: string) => ({ description, content: json(ref("Error")) });

export const CAMPAIGNS_RESOURCE: ApiResource = {
  tag: {
    name: "Campaigns",
    description:
      "A text to a segment, with up to 4 variants and a holdout that gets nothing. The audience is frozen at launch; every text goes through the same consent, opt-out, quiet-hours and cap checks as any other.",
  },
  schemas: {
    CampaignInput: {
      type: "object",
      required: ["name", "segmentId", "variants", "schedule"],
      properties: {
        name: { type: "string", maxLength: 100 },
        segmentId: { type: "string" },
        variants: {
          type: "array",
          minItems: 1,
          maxItems: 4,
          description: `Named A, B, C, D in order; 2 or more make an experiment. Bodies may use ${CAMPAIGN_VARIABLES.map((v) => `{{${v}}}`).join(" and ")}; each link becomes a tracked link per recipient. The brand name is put first and "Reply STOP to opt out" last. With a discount, every variant must hold {{discount_code}}, which becomes the recipient's own code; without one, it may not appear.`,
          items: { type: "object", required: ["body"], properties: { body: { type: "string", maxLength: 1600 }, weight: { type: "integer", minimum: 1, maximum: 100, default: 1 } } },
        },
        holdoutPercent: { type: "integer", minimum: 0, maximum: 50, default: DEFAULT_HOLDOUT_PERCENT },
        schedule: {
          oneOf: [
            { type: "object", required: ["type"], properties: { type: { const: "now" } } },
            { type: "object", required: ["type", "at"], properties: { type: { const: "at" }, at: { type: "string", format: "date-time" } } },
            {
              type: "object",
              required: ["type", "date", "time"],
              description: "The date and time on each recipient's own clock (their zone as quiet hours judge it; the shop's zone when unknown)",
              properties: { type: { const: "local" }, date: { type: "string", format: "date" }, time: { type: "string", pattern: "^\\d\\d:\\d\\d$" } },
            },
          ],
        },
        skipIfTextedWithinHours: { type: ["integer", "null"], minimum: 0, maximum: 168, default: DEFAULT_SKIP_HOURS, description: "Skip a recipient who was texted marketing this recently, judged when their text is due" },
        spreadHours: { type: "integer", minimum: 0, maximum: 24, default: 0, description: "Spread each recipient's due time over this many hours" },
        mediaUrl: { type: "string", format: "uri", description: "An https image: MMS to US and Canadian numbers (priced per MMS), SMS without it elsewhere" },
        discount: ref("CampaignDiscount"),
        test: {
          type: ["object", "null"],
          required: ["sharePercent", "winnerAfterHours"],
          description: "Test on a share first (two or more variants): the variants go to sharePercent of the treated audience; winnerAfterHours after its first texts the winner (a significant difference in conversion) goes to the rest at the same local time shifted by those hours, or the split when none won",
          properties: { sharePercent: { type: "integer", minimum: 5, maximum: 90 }, winnerAfterHours: { type: "integer", minimum: 1, maximum: 72 } },
        },
      },
    },
    CampaignDiscount: {
      type: "object",
      required: ["percent"],
      additionalProperties: false,
      description:
        `A percentage off with a unique, single-use code per treated recipient (the holdout gets none): one Shopify discount holds every code. A recipient's text leaves once their code exists in Shopify. Codes end when the report's window does, ${ORDER_WINDOW_DAYS} days after the last scheduled text, and an order that uses one is known by it.`,
      properties: { percent: { type: "integer", minimum: 1, maximum: 100 } },
    },
    Campaign: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        status: { enum: ["draft", "scheduled", "sending", "sent", "cancelled"] },
        discount: { oneOf: [ref("CampaignDiscount"), { type: "null" }] },
        estimate: {
          type: "object",
          description: "Before launch from the segment now; from launch, from the frozen audience",
          properties: {
            audience: { type: "integer" },
            holdout: { type: "integer" },
            recipients: { type: "integer", description: "The audience less the holdout" },
            texts: { type: "array", items: { type: "object", properties: { variant: { type: "string" }, preview: { type: "string" }, segments: { type: "integer" }, encoding: { enum: ["GSM-7", "UCS-2"] }, nonGsmCharacters: { type: "array", items: { type: "string" } }, gsmFix: { type: ["string", "null"] }, recipients: { type: "integer" } } } },
            mmsRecipients: { type: "integer" },
            cost: { type: "number" },
            currency: { type: "string" },
          },
        },
        winner: {
          type: ["object", "null"],
          description: "With a test share, once chosen: the variant sent to the rest (null when none won and the rest got the split)",
          properties: { variant: { type: ["string", "null"] }, chosenAt: { type: "string", format: "date-time" } },
        },
        arms: { type: "array", description: "Each variant, then the arm named holdout", items: { type: "object", additionalProperties: true } },
        lift: { type: ["object", "null"], additionalProperties: true },
      },
      additionalProperties: true,
    },
  },
  operations: [
    {
      path: "/campaigns",
      method: "post",
      operationId: "createCampaign",
      summary: "Create a draft campaign and estimate it",
      requestBody: { required: true, content: json(ref("CampaignInput")) },
      responses: { "201": { description: "The draft with its estimate", content: json(ref("Campaign")) } },
    },
    {
      path: "/campaigns/{id}",
      method: "get",
      operationId: "getCampaign",
      summary: "A campaign, its estimate and its report per arm",
      parameters: idParameter,
      responses: { "200": { description: "The campaign", content: json(ref("Campaign")) } },
    },
    {
      path: "/campaigns/{id}/launch",
      method: "post",
      operationId: "launchCampaign",
      summary: "Freeze the audience and schedule the texts; launching again changes nothing and answers the campaign",
      parameters: idParameter,
      responses: { "200": { description: "The launched campaign", content: json(ref("Campaign")) }, "409": conflict("The campaign was cancelled, or its segment is gone") },
    },
    {
      path: "/campaigns/{id}/cancel",
      method: "post",
      operationId: "cancelCampaign",
      summary: "Stop every text that has not left",
      parameters: idParameter,
      responses: { "200": { description: "The cancelled campaign", content: json(ref("Campaign")) }, "409": conflict("Every text has left") },
    },
  ],
};
