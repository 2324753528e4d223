// The sandbox's one installed shop and its documented credentials.
export const SANDBOX_SHOP_DOMAIN = "textback-demo.myshopify.com";
export const SANDBOX_API_SECRET = "sandbox-secret";
export const SANDBOX_API_KEY = "sandbox-api-key";
// A fixed, public key: sandbox data is demo data. Production sets its own secret key.
export const SANDBOX_ENCRYPTION_KEY = Buffer.from("textback-sandbox-encryption-key!").toString("base64");
export const SANDBOX_STAFF_USER_ID = "84100001";
