// The win-back text, rendered the same for the shopper and for the Flows page's live preview.
import { renderOfferText, SAMPLE_VALUES, type OfferTextValues } from "../flow-offer";
import type { WinBackSettings } from "./win-back-settings";

export function winBackText(settings: WinBackSettings, values: OfferTextValues): string {
  return renderOfferText(settings.template, values);
}

/** The text with sample values, for the Flows page's live preview. */
export function previewWinBack(settings: WinBackSettings, shop: string): string {
  return winBackText(settings, { firstName: SAMPLE_VALUES.firstName, shop, link: SAMPLE_VALUES.link, discount: SAMPLE_VALUES.discount(settings.offer.percent) });
}
