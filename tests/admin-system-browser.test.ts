// The System page in Debian's Chromium: Telnyx refuses every send until a text's job has used
// all its attempts, the merchant sees the failure, Telnyx recovers, the merchant clicks Retry,
// and the worker sends the text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { advanceClock, SHOP_NUMBER, startFaultWorld, type FaultWorld } from "./faults/world";

const chrome = useBrowser();
const { db } = useTestDatabase();
let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld(db);
  const sandbox = sandboxClient(() => world.app.url);
  // Noon in Chicago on a later day: inside every sending window, whenever the suite runs.
  const noon = new Date((await sandbox.advanceClock(0)).body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
  // Earlier files' failures would share the list with this one.
  await db.job.updateMany({ where: { status: "failed" }, data: { status: "cancelled", cancelReason: "left by an earlier test file" } });
}, 120_000);

afterAll(async () => {
  await world?.app.stop();
  await world?.telnyx.close();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, step?: () => Promise<unknown>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await probe();
    if (found) return found;
    await step?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe("the System page in a browser", () => {
  it("shows a text's failed job, and after Retry the worker sends the text", { timeout: 120_000 }, async () => {
    const shopper = uniquePhone();
    world.telnyx.failFractionOfSends(1, { kind: "server_error" });
    expect((await world.telnyx.sendInbound({ from: shopper, to: SHOP_NUMBER, text: "HELP" })).status).toBe(200);
    const answer = await until("the HELP answer", () => db.message.findFirst({ where: { toNumber: shopper, direction: "outbound" } }));
    // Each clock step runs the backoff's next attempt, until the last one fails the job.
    const job = await until(
      "the send to fail for good",
      () => db.job.findFirst({ where: { dedupeKey: `send-text:${answer.id}`, status: "failed" } }),
      () => advanceClock(world.app.url, 10),
    );
    world.telnyx.clearFaults();

    const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 800 } });
    await page.goto(`${world.app.url}/app/system`, { waitUntil: "networkidle" });
    await page.getByText(job.id).waitFor();
    await page.getByText(/Telnyx answered .*Unexpected error/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/system.png` });

    await page.getByRole("button", { name: `Retry job ${job.id}` }).click();
    await page.getByText("The job is queued again and runs in a moment.").waitFor();
    await until("the text to reach Telnyx", async () => world.telnyx.messages({ to: shopper }).length > 0);
    await page.reload({ waitUntil: "networkidle" });
    await page.getByText("No failed jobs.").waitFor();
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("succeeded");
    await page.close();
  });
});
