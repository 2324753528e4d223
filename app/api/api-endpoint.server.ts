// What every /api/v1 endpoint does before its own work: the method, the bearer key, the key's
// rate, and errors as JSON. A route module declares its handlers by method:
//   const endpoint = apiEndpoint({ GET: list, POST: create });
//   export const loader = endpoint.loader;   (GET, HEAD)
//   export const action = endpoint.action;   (every other method)
import type { ActionFunctionArgs } from "@remix-run/node";
import { appContext } from "~/services.server";
import { findActiveApiKey, type ActiveApiKey } from "~/marketing/api-keys.server";
import { logger } from "~/logger.server";
import { ApiError, apiErrorResponse } from "./api-error";
import { createRateLimiter } from "./rate-limit";

export const API_RATE_LIMIT = { perSecond: 10, burst: 20 };
const limiter = createRateLimiter(API_RATE_LIMIT);
const log = logger.child({ component: "api" });

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiCall {
  request: Request;
  url: URL;
  params: ActionFunctionArgs["params"];
  apiKey: ActiveApiKey;
  shopId: string;
}

export type ApiHandler = (call: ApiCall) => Promise<Response>;

const unauthorized = (message: string) => new ApiError(401, message, undefined, { "WWW-Authenticate": 'Bearer realm="textback"' });

async function authenticate(request: Request): Promise<ActiveApiKey> {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw unauthorized("Send your API key as Authorization: Bearer <key> (Settings → API keys)");
  const key = await findActiveApiKey(appContext, token);
  if (!key) throw unauthorized("The API key is not valid: unknown, revoked, or its shop has uninstalled Textback");
  return key;
}

export function apiEndpoint(handlers: Partial<Record<ApiMethod, ApiHandler>>) {
  const allowed = Object.keys(handlers).join(", ");
  const handle = async ({ request, params }: ActionFunctionArgs): Promise<Response> => {
    try {
      const method = request.method === "HEAD" ? "GET" : (request.method as ApiMethod);
      const handler = handlers[method];
      if (!handler) throw new ApiError(405, `${request.method} is not served here; use ${allowed}`, undefined, { Allow: allowed });
      const apiKey = await authenticate(request);
      const rate = limiter.take(apiKey.id);
      if (!rate.allowed) {
        throw new ApiError(429, `Too many requests for this key: at most ${API_RATE_LIMIT.perSecond} a second (bursts of ${API_RATE_LIMIT.burst})`, undefined, {
          "Retry-After": String(rate.retryAfterSeconds),
        });
      }
      return await handler({ request, url: new URL(request.url), params, apiKey, shopId: apiKey.shopId });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      log.error({ err: error, path: new URL(request.url).pathname }, "API request failed");
      return Response.json({ error: "Something went wrong on our side; try again" }, { status: 500 });
    }
  };
  return { loader: handle, action: handle };
}
