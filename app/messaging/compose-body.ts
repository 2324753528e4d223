// The text as it leaves: a flow's first text opens with the brand, and marketing ends with the
// opt-out line. Shared by the sender and the admin's previews, so a preview is what is sent.
import { STOP_FOOTER, type TextPurpose } from "./text-purpose";

export function composeBody(body: string, purpose: TextPurpose, brand: string, firstInFlow: boolean): string {
  let text = body.trim();
  if (firstInFlow && !text.toLowerCase().startsWith(brand.toLowerCase())) text = `${brand}: ${text}`;
  if (purpose === "marketing" && !/reply stop/i.test(text)) text = `${text} ${STOP_FOOTER}`;
  return text;
}
