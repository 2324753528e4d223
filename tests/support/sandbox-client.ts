// Speaks to a running sandbox the way an outside check would: its control API and the admin
// routes (the sandbox supplies the Shopify session token).
import { BROWSER_USER_AGENT } from "./browser";
import { waitUntilIngested } from "./ingestion";

// Exchanges 220–999 whose middle digit is 2–9 (never an N11 code): 640 of them, 6.4 million
// numbers per area code.
const NUMBERS_PER_AREA_CODE = 6_400_000;
let phoneSequence = Math.floor(Math.random() * NUMBERS_PER_AREA_CODE);

/**
 * A fresh US number per call, so tests sharing a database never share a shopper. Every test
 * file starts its own sequence at random; in a range of 10,000 two files' sequences met often
 * enough to fail a run now and then, in millions they practically never do.
 */
export function uniquePhone(areaCode = "312") {
  phoneSequence = (phoneSequence + 1) % NUMBERS_PER_AREA_CODE;
  const exchange = Math.floor(phoneSequence / 10_000);
  const digits = `${2 + Math.floor(exchange / 80)}${2 + Math.floor((exchange % 80) / 10)}${exchange % 10}`;
  return `+1${areaCode}${digits}${String(phoneSequence % 10_000).padStart(4, "0")}`;
}

export function sandboxClient(appUrl: () => string) {
  const postJson = async (path: string, body: unknown) => {
    const response = await fetch(`${appUrl()}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    /** The app's answer to the webhook, and the event's id; nothing waits for the ingest job. */
    async deliverShopperText(from: string, text: string): Promise<{ status: number; eventId: string }> {
      return (await postJson("/sandbox/inbound", { from, text })).body;
    },
    /** The app's answer to the webhook; once it is 200, the text has also been ingested. */
    async textFromShopper(from: string, text: string) {
      const { status, eventId } = await this.deliverShopperText(from, text);
      if (status === 200) await waitUntilIngested(appUrl(), "telnyx", eventId);
      return status;
    },
    async textsTo(phone: string): Promise<{ id: string; from: string; to: string; text: string; at: string; parts: number }[]> {
      const response = await fetch(`${appUrl()}/sandbox/messages?to=${encodeURIComponent(phone)}`);
      return (await response.json()).messages;
    },
    advanceClock: (minutes: number) => postJson("/sandbox/clock", { advanceMinutes: minutes }),
    setClock: (iso: string) => postJson("/sandbox/clock", { setTo: iso }),
    /** Moves the clock `days` days on, to `hourUtc`:00 UTC: each test starts on a fresh day at a known hour. */
    async laterDayAt(days: number, hourUtc: number) {
      const { body } = await this.advanceClock(0);
      const next = new Date(body.now);
      next.setUTCDate(next.getUTCDate() + days);
      next.setUTCHours(hourUtc, 0, 0, 0);
      return this.setClock(next.toISOString());
    },
    async adminPost(path: string, fields: Record<string, string>) {
      const response = await fetch(`${appUrl()}${path}`, {
        method: "POST",
        headers: { "User-Agent": BROWSER_USER_AGENT },
        body: new URLSearchParams(fields),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
