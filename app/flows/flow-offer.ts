// A lifecycle flow's offer as its texts say it, and the sample values the Flows page's live
// previews fill templates with.
import { renderTemplate } from "./templates";

export interface OfferTextValues {
  firstName: string | null;
  shop: string;
  link: string;
  discount: { code: string; percentage: number } | null;
}

/** An offer template ({{first_name}}, {{shop}}, {{link}}, {{discount}}) filled in. */
export function renderOfferText(template: string, values: OfferTextValues): string {
  return renderTemplate(template, {
    first_name: values.firstName ?? undefined,
    shop: values.shop,
    link: values.link,
    discount: offerWording(values.discount),
  });
}

/** {{discount}}: "15% off with code TB-…", the same words as a recovery text; empty without an offer. */
export function offerWording(discount: { code: string; percentage: number } | null): string | undefined {
  return discount ? `${discount.percentage}% off with code ${discount.code}` : undefined;
}

export const SAMPLE_VALUES = {
  firstName: "Alex",
  link: "https://textback.example/r/Ab3dEf7h",
  /** A made-up code, or none when the flow offers 0 %. */
  discount: (percent: number) => (percent > 0 ? { code: "TB-SAMPLE7K2Q", percentage: percent } : null),
};
