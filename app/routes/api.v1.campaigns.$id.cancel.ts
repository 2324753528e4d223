import { appContext } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { campaignView, cancelCampaign } from "~/marketing/campaigns.server";

async function cancel({ shopId, params }: ApiCall) {
  const id = params.id ?? "";
  const cancelled = await cancelCampaign(appContext, shopId, id);
  if (!cancelled.ok) throw new ApiError(cancelled.status, cancelled.error);
  return Response.json(await campaignView(appContext, shopId, id));
}

const endpoint = apiEndpoint({ POST: cancel });
export const loader = endpoint.loader;
export const action = endpoint.action;
