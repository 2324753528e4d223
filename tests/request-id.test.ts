// Every response carries the request's id, which the app's log lines about it carry too: the
// caller's X-Request-Id when it is a plain token, else a new one.
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";

const app = useAppServer("production");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function requestIdAnswered(sent?: string) {
  const response = await fetch(`${app.url}/healthz`, { headers: sent ? { "X-Request-Id": sent } : {} });
  return response.headers.get("x-request-id");
}

describe("X-Request-Id", () => {
  it("is the caller's own when it is a plain token", async () => {
    expect(await requestIdAnswered("lb-7f3a.42:edge")).toBe("lb-7f3a.42:edge");
  });

  it("is a new one when the request has none", async () => {
    expect(await requestIdAnswered()).toMatch(UUID);
  });

  it("is a new one when the caller's is not a plain token or is a phone number, which logs would carry unmasked", async () => {
    for (const sent of ["<script>", "x".repeat(101), "13125550142"]) expect(await requestIdAnswered(sent), sent).toMatch(UUID);
  });
});
