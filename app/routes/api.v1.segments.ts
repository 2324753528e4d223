import { appContext } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { readJsonBody } from "~/api/json-body";
import { listSegments, saveSegment, segmentView } from "~/marketing/segments.server";

async function create({ request, shopId }: ApiCall) {
  const body = (await readJsonBody(request)) as { name?: unknown; rules?: unknown } | null;
  if (typeof body !== "object" || body === null) throw new ApiError(400, "Send {name, rules}", "name");
  const saved = await saveSegment(appContext, shopId, { name: body.name, rules: body.rules });
  if (!saved.ok) throw new ApiError(400, saved.error, saved.field);
  const view = await segmentView(appContext, shopId, saved.segment.id);
  return Response.json({ id: saved.segment.id, size: view!.size }, { status: 201 });
}

async function list({ shopId }: ApiCall) {
  const segments = await listSegments(appContext, shopId);
  return Response.json({ segments: await Promise.all(segments.map((segment) => segmentView(appContext, shopId, segment.id))) });
}

const endpoint = apiEndpoint({ GET: list, POST: create });
export const loader = endpoint.loader;
export const action = endpoint.action;
