import { env } from "~/services.server";
import { API_RESOURCES } from "~/api/api-operations";
import { openApiDocument } from "~/api/openapi";

// Public, like most APIs' descriptions: it holds no shop's data.
export const loader = () => Response.json(openApiDocument(API_RESOURCES, `${env.SHOPIFY_APP_URL.replace(/\/$/, "")}/api/v1`));
