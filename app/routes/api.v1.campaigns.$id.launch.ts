import { appContext, messagingDeps } from "~/services.server";
import { apiEndpoint, type ApiCall } from "~/api/api-endpoint.server";
import { ApiError } from "~/api/api-error";
import { campaignView, launchCampaign } from "~/marketing/campaigns.server";

// Launching again answers the campaign as it is, 200, and sends nothing twice.
async function launch({ shopId, params }: ApiCall) {
  const id = params.id ?? "";
  const launched = await launchCampaign(appContext, shopId, id, messagingDeps.appUrl);
  if (!launched.ok) throw new ApiError(launched.status, launched.error);
  return Response.json(await campaignView(appContext, shopId, id));
}

const endpoint = apiEndpoint({ POST: launch });
export const loader = endpoint.loader;
export const action = endpoint.action;
