import { render } from "preact";
import { useRef } from "preact/hooks";
import { extensionApi, type ConsentPage } from "./api";
import { disclosureFor, showsOn, type ConsentSettings, type Disclosure } from "./disclosure";
import { fetchDisclosure, postShownDisclosure } from "./evidence";

/** Renders the block on `page` when the merchant asked for it there and the app gave its words. */
export async function renderSmsConsent(page: ConsentPage) {
  const api = extensionApi();
  const settings = (api.settings.value ?? {}) as ConsentSettings;
  if (!showsOn(settings, page)) return;
  const wording = await fetchDisclosure(api);
  if (wording) render(<SmsConsent page={page} disclosure={disclosureFor(wording, settings)} />, document.body);
}

// Shopify's consent components record the consent themselves (collect_buyer_consent); they
// start unchecked and empty, so nothing is consented to until the shopper acts. Where checkout
// knows no phone yet, the consent phone field asks for one.
function SmsConsent({ page, disclosure }: { page: ConsentPage; disclosure: Disclosure }) {
  const api = extensionApi();
  const posted = useRef(false);
  const phoneKnown = Boolean(api.buyerIdentity?.phone.value);

  const consentGiven = (given: boolean) => {
    if (!given || posted.current) return;
    posted.current = true;
    void postShownDisclosure(api, page, disclosure);
  };

  return (
    <s-stack gap="small-200">
      {phoneKnown ? (
        <s-consent-checkbox
          policy="sms-marketing"
          label={disclosure.label}
          onChange={(event) => consentGiven(Boolean((event.currentTarget as HTMLElementTagNameMap["s-consent-checkbox"]).checked))}
        />
      ) : (
        <s-consent-phone-field
          policy="sms-marketing"
          type="mobile"
          label={disclosure.label}
          onChange={(event) => consentGiven(Boolean((event.currentTarget as unknown as HTMLElementTagNameMap["s-consent-phone-field"]).value?.trim()))}
        />
      )}
      <s-text color="subdued">{disclosure.paragraph}</s-text>
      {(disclosure.termsUrl || disclosure.privacyUrl) && (
        <s-stack direction="inline" gap="small-200">
          {disclosure.termsUrl && <s-link href={disclosure.termsUrl}>SMS terms</s-link>}
          {disclosure.privacyUrl && <s-link href={disclosure.privacyUrl}>Privacy policy</s-link>}
        </s-stack>
      )}
    </s-stack>
  );
}
