// The sandbox's one installed shop and its documented credentials.
export const SANDBOX_SHOP_DOMAIN = "textback-demo.myshopify.com";
export const SANDBOX_API_SECRET = "sandbox-secret";
export const SANDBOX_API_KEY = "sandbox-api-key";
export const SANDBOX_STAFF_USER_ID = "84100001";
