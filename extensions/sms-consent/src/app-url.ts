// Where the extension posts its evidence: the app's application_url from shopify.app.toml
// (a test keeps the two the same). Extensions run in Shopify's sandbox and cannot read the
// app's environment, so the address is part of the bundle.
export const APP_URL = "https://example.com";
