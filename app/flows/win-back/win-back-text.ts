// The win-back text as the shopper gets it.
import { renderOfferText, type OfferTextValues } from "../flow-offer";
import type { WinBackSettings } from "./win-back-settings";

export function winBackText(settings: WinBackSettings, values: OfferTextValues): string {
  return renderOfferText(settings.template, values);
}
