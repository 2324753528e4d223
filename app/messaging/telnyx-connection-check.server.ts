// "Check connection" on the settings page: one call to Telnyx that proves the key works, the
// messaging profile exists and the sending number is on it — or says which of them is wrong.
// The merchant is waiting for the answer, so the listing of the profile's numbers has a cap on
// pages and a deadline, whatever Telnyx's paging says.
import { APIConnectionError, APIError, APIUserAbortError } from "telnyx";
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import { telnyxClientForShop, type TelnyxClientOptions } from "./telnyx-client.server";
import { itemsOfPages, TooManyPagesError } from "./telnyx-pages.server";

export type ConnectionCheck =
  | { ok: true; message: string }
  | { ok: false; problem: ConnectionProblem; message: string };
type ConnectionProblem = "not_set_up" | "bad_key" | "no_profile" | "number_not_on_profile" | "unreachable" | "telnyx_error" | "too_many_pages" | "too_slow";

type CheckedShop = Pick<Shop, "id" | "telnyxApiKeyEncrypted" | "telnyxMessagingProfileId" | "sendingNumber">;

const PAGE_SIZE = 250;
/** 5,000 numbers: more than any shop's profile holds, and twenty requests at the most. */
export const MAX_PAGES = 20;
/** How long the merchant waits for the whole check at the most. */
export const CHECK_DEADLINE_MS = 20_000;

export async function checkTelnyxConnection(
  shop: CheckedShop,
  options: TelnyxClientOptions & { deadlineMs?: number },
): Promise<ConnectionCheck> {
  if (!shop.telnyxApiKeyEncrypted || !shop.telnyxMessagingProfileId || !shop.sendingNumber) {
    return { ok: false, problem: "not_set_up", message: "Save an API key, a messaging profile ID and a sending number first." };
  }
  const client = telnyxClientForShop(shop, { ...options, timeoutMs: 10_000 });
  const deadlineMs = options.deadlineMs ?? CHECK_DEADLINE_MS;
  const numbers = client.messagingProfiles.listPhoneNumbers(shop.telnyxMessagingProfileId, { "page[size]": PAGE_SIZE }, { signal: AbortSignal.timeout(deadlineMs) });
  try {
    for await (const number of itemsOfPages(numbers, MAX_PAGES)) {
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
    return describeFailure(error, shop.telnyxMessagingProfileId, shop.sendingNumber, deadlineMs);
  }
}

function describeFailure(error: unknown, profileId: string, sendingNumber: string, deadlineMs: number): ConnectionCheck {
  if (error instanceof TooManyPagesError) {
    const message = `Telnyx listed more than ${(MAX_PAGES * PAGE_SIZE).toLocaleString("en-US")} numbers on messaging profile ${profileId} and still had more, without ${sendingNumber} among them. In Mission Control, open Numbers and check that it is assigned to this profile.`;
    return { ok: false, problem: "too_many_pages", message };
  }
  // Our deadline: the SDK reports the aborted request as an APIError without a status.
  if (error instanceof APIUserAbortError) {
    return { ok: false, problem: "too_slow", message: `Telnyx did not finish listing the numbers on messaging profile ${profileId} within ${deadlineMs / 1000} s. Try again in a minute.` };
  }
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
