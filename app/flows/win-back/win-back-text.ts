// The win-back text, rendered the same for the shopper and for the Flows page's live preview.
import { offerWording, SAMPLE_VALUES } from "../flow-offer";
import { renderTemplate } from "../templates";
import type { WinBackSettings } from "./win-back-settings";

export function winBackText(
  settings: WinBackSettings,
  values: { firstName: string | null; shop: string; link: string; discount: { code: string; percentage: number } | null },
): string {
  return renderTemplate(settings.template, {
    first_name: values.firstName ?? undefined,
    shop: values.shop,
    link: values.link,
    discount: offerWording(values.discount),
  });
}

/** The text with sample values, for the Flows page's live preview. */
export function previewWinBack(settings: WinBackSettings, shop: string): string {
  return winBackText(settings, { firstName: SAMPLE_VALUES.firstName, shop, link: SAMPLE_VALUES.link, discount: SAMPLE_VALUES.discount(settings.offer.percent) });
}
