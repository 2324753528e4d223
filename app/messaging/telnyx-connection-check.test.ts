// "Check connection" against a Telnyx whose paging never ends: it must still answer the merchant.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_ENCRYPTION_KEY } from "../../tests/support/outbound-messages";
import { encryptSecret } from "./secrets.server";
import { CHECK_DEADLINE_MS, checkTelnyxConnection, MAX_PAGES } from "./telnyx-connection-check.server";

// What a mock generated from Telnyx's OpenAPI document answers to every page request: the
// examples of PhoneNumberWithMessagingSettings and messaging_PaginationMeta ("page 2 of 3").
const OPENAPI_EXAMPLE_PAGE = {
  data: [{ id: "1293384261075731499", record_type: "messaging_settings", phone_number: "+18005550001", messaging_profile_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", type: "tollfree" }],
  meta: { page_number: 2, page_size: 25, total_pages: 3, total_results: 55 },
};

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** A Telnyx stand-in that answers every request with the example page, after `delayMs`. */
async function endlessPagingTelnyx(delayMs = 0) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(OPENAPI_EXAMPLE_PAGE)), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, requests };
}

const shop = {
  id: randomUUID(),
  telnyxApiKeyEncrypted: encryptSecret("KEY_CONNECTION_CHECK", TEST_ENCRYPTION_KEY),
  telnyxMessagingProfileId: randomUUID(),
  sendingNumber: "+13125550100",
};

async function timedCheck(baseUrl: string, deadlineMs?: number) {
  const started = performance.now();
  const check = await checkTelnyxConnection(shop, { encryptionKey: TEST_ENCRYPTION_KEY, env: { TELNYX_BASE_URL: baseUrl }, deadlineMs });
  return { check, elapsedMs: performance.now() - started };
}

describe("checking the connection when Telnyx's paging never ends", () => {
  it("stops after its page cap and says the number was not found in what Telnyx listed", { timeout: 30_000 }, async () => {
    const telnyx = await endlessPagingTelnyx();
    const { check, elapsedMs } = await timedCheck(telnyx.baseUrl);
    expect(check).toEqual({ ok: false, problem: "too_many_pages", message: expect.stringMatching(/still had more, without \+13125550100 among them/) });
    expect(telnyx.requests).toHaveLength(MAX_PAGES);
    expect(elapsedMs).toBeLessThan(CHECK_DEADLINE_MS);
  });

  it("answers by its deadline when every page is slow", { timeout: 30_000 }, async () => {
    const deadlineMs = 1_000;
    const telnyx = await endlessPagingTelnyx(deadlineMs / 4);
    const { check, elapsedMs } = await timedCheck(telnyx.baseUrl, deadlineMs);
    expect(check).toEqual({ ok: false, problem: "too_slow", message: expect.stringMatching(/did not finish listing .* within 1 s/) });
    expect(elapsedMs).toBeLessThan(deadlineMs * 1.5);
  });
});
