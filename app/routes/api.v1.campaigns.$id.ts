import { appContext } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { campaignView } from "~/marketing/campaigns.server";

async function show({ shopId, params }: ApiCall) {
  const view = await campaignView(appContext, shopId, params.id ?? "");
  if (!view) throw new ApiError(404, "No such campaign");
  return Response.json(view);
}

const endpoint = apiEndpoint({ GET: show });
export const loader = endpoint.loader;
export const action = endpoint.action;
