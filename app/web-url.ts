// Addresses that arrive in webhooks (tracking links, checkout links, media) end up as links in
// the admin and in texts to shoppers. Only a web address may: a `javascript:` or `data:` link in
// an <a href> runs in the merchant's admin session, and a text must not carry one either. Every
// payload parser keeps a URL only through here, and what renders one checks again, so a row
// stored before this rule cannot slip through.

/** The URL, normalised, when it is an absolute http(s) address; else null. */
export function webUrl(value: unknown): string | null {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
