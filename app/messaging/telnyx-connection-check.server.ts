// "Check connection" on the settings page: one call to Telnyx that proves the key works, the
// messaging profile exists and the sending number is on it — or says which of them is wrong.
import { APIConnectionError, APIError } from "telnyx";
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import { telnyxClientForShop, type TelnyxClientOptions } from "./telnyx-client.server";

export type ConnectionCheck =
  | { ok: true; message: string }
  | { ok: false; problem: "not_set_up" | "bad_key" | "no_profile" | "number_not_on_profile" | "unreachable" | "telnyx_error"; message: string };

type CheckedShop = Pick<Shop, "id" | "telnyxApiKeyEncrypted" | "telnyxMessagingProfileId" | "sendingNumber">;

export async function checkTelnyxConnection(shop: CheckedShop, options: TelnyxClientOptions): Promise<ConnectionCheck> {
  if (!shop.telnyxApiKeyEncrypted || !shop.telnyxMessagingProfileId || !shop.sendingNumber) {
    return { ok: false, problem: "not_set_up", message: "Save an API key, a messaging profile ID and a sending number first." };
  }
  const client = telnyxClientForShop(shop, { ...options, timeoutMs: 10_000 });
  try {
    for await (const number of client.messagingProfiles.listPhoneNumbers(shop.telnyxMessagingProfileId, { "page[size]": 250 })) {
      if (number.phone_number === shop.sendingNumber) {
        return { ok: true, message: `Connected: ${shop.sendingNumber} is on messaging profile ${shop.telnyxMessagingProfileId}.` };
      }
    }
    return {
      ok: false,
      problem: "number_not_on_profile",
      message: `${shop.sendingNumber} is not on messaging profile ${shop.telnyxMessagingProfileId}. In Mission Control, open Numbers and assign it to this profile.`,
    };
  } catch (error) {
    return describeFailure(error, shop.telnyxMessagingProfileId);
  }
}

function describeFailure(error: unknown, profileId: string): ConnectionCheck {
  if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
    return { ok: false, problem: "bad_key", message: "Telnyx did not accept the API key. Create a new key in Mission Control → API keys and save it here." };
  }
  if (error instanceof APIError && error.status === 404) {
    return { ok: false, problem: "no_profile", message: `Telnyx has no messaging profile ${profileId} for this key. Copy the ID from Mission Control → Messaging.` };
  }
  if (error instanceof APIConnectionError) {
    return { ok: false, problem: "unreachable", message: "Telnyx could not be reached. Try again in a minute." };
  }
  if (error instanceof APIError) {
    return { ok: false, problem: "telnyx_error", message: `Telnyx answered HTTP ${error.status}. Try again, or contact Telnyx support if it persists.` };
  }
  throw error;
}
