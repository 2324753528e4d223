import { appContext, messagingDeps } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { readJsonBody } from "~/api/json-body";
import { campaignView, createCampaign } from "~/marketing/campaigns.server";

async function create({ request, shopId }: ApiCall) {
  const created = await createCampaign(appContext, shopId, await readJsonBody(request), messagingDeps.appUrl);
  if (!created.ok) throw new ApiError(400, created.error, created.field);
  return Response.json(await campaignView(appContext, shopId, created.value.id), { status: 201 });
}

const endpoint = apiEndpoint({ POST: create });
export const loader = endpoint.loader;
export const action = endpoint.action;
