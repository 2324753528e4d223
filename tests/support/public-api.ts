// The public REST API of a running sandbox as a merchant's script calls it, with the demo
// shop's key: waits out a 429, and makes subscribers, segments and campaigns in one call each.
import { expect } from "vitest";

export const SANDBOX_API_KEY = "tb_sandbox_demo";
export const SUBSCRIBER_CONSENT = { consentedAt: "2025-06-01T15:30:00Z", source: "Attentive popup", disclosure: "Yes, text me offers from Demo. Reply STOP to opt out." };

export function publicApi(appUrl: () => string) {
  async function api(path: string, method = "GET", body?: unknown): Promise<{ status: number; body: any }> {
    for (;;) {
      const response = await fetch(`${appUrl()}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${SANDBOX_API_KEY}`, ...(body !== undefined && { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 429) return { status: response.status, body: await response.json() };
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000));
    }
  }
  return {
    api,
    /** Subscribes the phones with marketing consent, tagged so a segment can find them. */
    async subscribe(phones: string[], tag: string) {
      const { status, body } = await api("/subscribers", "POST", { subscribers: phones.map((phone, i) => ({ phone, firstName: `Sub${i}`, tags: [tag], consent: SUBSCRIBER_CONSENT })) });
      expect(status).toBe(200);
      return body;
    },
    async segmentOf(tag: string) {
      const { status, body } = await api("/segments", "POST", { name: `${tag} ${Math.random()}`, rules: { field: "tag", op: "=", value: tag } });
      expect(status).toBe(201);
      return body.id as string;
    },
    async draftCampaign(input: Record<string, unknown>) {
      const { status, body } = await api("/campaigns", "POST", { name: `c ${Math.random()}`, holdoutPercent: 0, ...input });
      expect(status).toBe(201);
      return body;
    },
    launch: (id: string) => api(`/campaigns/${id}/launch`, "POST"),
  };
}
