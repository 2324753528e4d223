import { appContext, messagingDeps } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { readJsonBody } from "~/api/json-body";
import { MAX_SUBSCRIBERS_PER_REQUEST } from "~/api/subscribers-spec";
import { checkSubscriber } from "~/marketing/subscriber-input";
import { importSubscribers } from "~/marketing/subscriber-import.server";
import { CONSENT_STATES, MAX_SUBSCRIBERS_PAGE_SIZE, NO_FILTERS, SUBSCRIBERS_PAGE_SIZE, subscriberPage } from "~/marketing/subscribers.server";

// POST: one subscriber, or {subscribers: [...]}; each gets its own outcome.
async function importFromBody({ request, shopId }: ApiCall) {
  const body = await readJsonBody(request);
  const batch = typeof body === "object" && body !== null && "subscribers" in body;
  const items = batch ? (body as { subscribers: unknown }).subscribers : [body];
  if (!Array.isArray(items) || items.length === 0) throw new ApiError(400, "subscribers is a list of at least one subscriber", "subscribers");
  if (items.length > MAX_SUBSCRIBERS_PER_REQUEST) {
    throw new ApiError(400, `At most ${MAX_SUBSCRIBERS_PER_REQUEST} subscribers a request (got ${items.length})`, "subscribers");
  }
  const now = appContext.clock.now();
  const outcomes = await importSubscribers(
    appContext,
    { shopId, source: "api", suppressionHashKey: messagingDeps.secrets.suppressionHashKey },
    items.map((item) => checkSubscriber(item, now)),
  );
  const counts = { created: 0, updated: 0, refused: 0 };
  for (const { outcome } of outcomes) counts[outcome]++;
  return Response.json({ results: outcomes.map((outcome, index) => ({ index, ...outcome })), counts });
}

// GET: newest first, filtered by tag, segment, consent state and source; `after` is the previous page's `next`.
async function list({ url, shopId }: ApiCall) {
  const params = url.searchParams;
  const limit = params.has("limit") ? Number(params.get("limit")) : SUBSCRIBERS_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUBSCRIBERS_PAGE_SIZE) {
    throw new ApiError(400, `limit is a whole number from 1 to ${MAX_SUBSCRIBERS_PAGE_SIZE}`, "limit");
  }
  const consent = params.get("consent");
  const consentState = CONSENT_STATES.find((state) => state === consent) ?? null;
  if (consent && !consentState) throw new ApiError(400, `consent is one of ${CONSENT_STATES.join(", ")}`, "consent");
  const filters = { ...NO_FILTERS, consentState, tag: params.get("tag") || null, source: params.get("source") || null, segmentId: params.get("segmentId") || null };
  const page = await subscriberPage(appContext, shopId, filters, { after: params.get("after"), limit });
  if (!page.segmentKnown) throw new ApiError(404, "No such segment", "segmentId");
  if (!page.cursorKnown) throw new ApiError(400, "after is not a cursor of this list (use the previous page's next, with the same filters)", "after");
  return Response.json({ subscribers: page.rows, next: page.nextCursor });
}

const endpoint = apiEndpoint({ GET: list, POST: importFromBody });
export const loader = endpoint.loader;
export const action = endpoint.action;
