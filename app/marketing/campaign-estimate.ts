// What a campaign will cost before it leaves: each variant measured as it will be sent (brand
// first, the STOP footer, a tracked link and a typical first name in place), the audience split
// by arm, and the price: segments × the price per segment, or for an image the price per MMS
// to US and Canadian numbers (+1), which are the only ones that get MMS.
import { composeBody } from "~/messaging/compose-body";
import { gsmReplacements, measureText, type SmsEncoding } from "~/messaging/segments";
import { renderTemplate } from "~/flows/templates";
import { armShares, HOLDOUT_ARM } from "./campaign-arms";

// A first name longer than most, so the estimate errs on the high side.
const SAMPLE_FIRST_NAME = "Alexandra";
// As long as a real code (discounts.server.ts): "TB-" and ten characters.
const SAMPLE_DISCOUNT_CODE = "TB-XXXXXXXXXX";

export interface VariantText {
  variant: string;
  /** The text as a recipient would get it. */
  preview: string;
  segments: number;
  encoding: SmsEncoding;
  /** Characters that force UCS-2, and the text with GSM-7 substitutes (null when nothing helps). */
  nonGsmCharacters: string[];
  gsmFix: string | null;
  recipients: number;
}

export interface CampaignEstimate {
  /** Contacts the segment matches who can be texted marketing. */
  audience: number;
  holdout: number;
  /** The audience less the holdout: who will be sent a text. */
  recipients: number;
  texts: VariantText[];
  mmsRecipients: number;
  cost: number;
  currency: string;
}

export interface EstimateInput {
  audience: number;
  /** Of the audience, the US and Canadian numbers: they get the image as MMS. */
  mmsReachable: number;
  holdoutPercent: number;
  variants: { name: string; body: string; weight: number }[];
  mediaUrl: string | null;
  brand: string;
  /** A tracked link as the recipient sees it, for the length. */
  sampleLink: string;
  costPerSegment: number;
  costPerMms: number;
  currency: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s]+/gi;

export function personalise(body: string, values: { firstName: string | null; brand: string; links: string[]; discountCode: string | null }) {
  let i = 0;
  const linked = body.replace(URL_IN_TEXT, () => values.links[i++] ?? "");
  return renderTemplate(linked, { first_name: values.firstName ?? undefined, shop: values.brand, discount_code: values.discountCode ?? undefined });
}

export function linksIn(body: string): string[] {
  return body.match(URL_IN_TEXT) ?? [];
}

export function estimateCampaign(input: EstimateInput): CampaignEstimate {
  const shares = armShares(input.holdoutPercent, input.variants);
  const holdout = Math.round(input.audience * shares.find((s) => s.arm === HOLDOUT_ARM)!.share);
  const recipients = input.audience - holdout;
  const treatedShare = input.audience === 0 ? 0 : recipients / input.audience;
  const mmsRecipients = input.mediaUrl ? Math.round(input.mmsReachable * treatedShare) : 0;
  const totalWeight = input.variants.reduce((sum, v) => sum + v.weight, 0);
  let cost = 0;
  const texts = input.variants.map((variant) => {
    const body = personalise(variant.body, { firstName: SAMPLE_FIRST_NAME, brand: input.brand, links: linksIn(variant.body).map(() => input.sampleLink), discountCode: SAMPLE_DISCOUNT_CODE });
    const preview = composeBody(body, "marketing", input.brand, true);
    const measure = measureText(preview);
    const share = variant.weight / totalWeight;
    const sms = (recipients - mmsRecipients) * share;
    cost += sms * measure.segments * input.costPerSegment + mmsRecipients * share * input.costPerMms;
    const fix = measure.encoding === "UCS-2" ? gsmReplacements(preview) : null;
    return {
      variant: variant.name,
      preview,
      segments: measure.segments,
      encoding: measure.encoding,
      nonGsmCharacters: measure.nonGsmCharacters,
      gsmFix: fix && fix.replacements.length > 0 ? fix.text : null,
      recipients: Math.round(recipients * share),
    };
  });
  return { audience: input.audience, holdout, recipients, texts, mmsRecipients, cost: Math.round(cost * 10_000) / 10_000, currency: input.currency };
}
