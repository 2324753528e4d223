// The System page's jobs console through its route: the demo shop (the sandbox's session) sees
// and cancels its own jobs, with phones masked, and never sees or touches another shop's.
import { beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { createShop } from "./support/factories";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";
import { VirtualClock } from "~/clock.server";

// No worker: the jobs stay as the tests leave them.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
const SHOPPER = "+13125550142";
const HOUR_MS = 3_600_000;

async function createJob(shopId: string, status: "queued" | "failed", lastError?: string) {
  const failed = status === "failed";
  return db.job.create({
    data: {
      shopId,
      kind: "send-text",
      payload: "{}",
      status,
      runAt: new Date(Date.now() + (failed ? -HOUR_MS : 100 * 24 * HOUR_MS)),
      attempts: failed ? 5 : 0,
      lastError,
      finishedAt: failed ? new Date() : null,
    },
  });
}

let ownFailedId: string;
let ownQueuedId: string;
let otherFailedId: string;
let otherQueuedId: string;

beforeAll(async () => {
  const demo = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
  ownFailedId = (await createJob(demo.id, "failed", `Error: Telnyx refused the text to ${SHOPPER}`)).id;
  ownQueuedId = (await createJob(demo.id, "queued")).id;
  const other = await createShop({ db, clock: new VirtualClock(new Date()) });
  otherFailedId = (await createJob(other.id, "failed", "secret of another shop")).id;
  otherQueuedId = (await createJob(other.id, "queued")).id;
});

const page = async () => (await fetch(`${app.url}/app/system`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
const post = (fields: Record<string, string>) =>
  fetch(`${app.url}/app/system`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams(fields) });
const statusOf = async (id: string) => (await db.job.findUniqueOrThrow({ where: { id } })).status;

describe("the System page's failed jobs", () => {
  it("show the shop's own failure with the shopper's number masked to its last four digits", async () => {
    const html = await page();
    expect(html).toContain(ownFailedId);
    expect(html).toContain("Error: Telnyx refused the text to …0142");
    expect(html).not.toContain("5550142");
  });

  it("never show another shop's jobs", async () => {
    const html = await page();
    expect(html).not.toContain(otherFailedId);
    expect(html).not.toContain("secret of another shop");
  });
});

describe("retry and cancel", () => {
  it("answer 404 for another shop's jobs and change nothing", async () => {
    const answers = [
      await post({ intent: "retry", jobId: otherFailedId }),
      await post({ intent: "cancel", jobId: otherFailedId }),
      await post({ intent: "cancel", jobId: otherQueuedId }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    expect([await statusOf(otherFailedId), await statusOf(otherQueuedId)]).toEqual(["failed", "queued"]);
  });

  it("cancel the shop's failed and queued jobs, saying who cancelled them", async () => {
    expect((await post({ intent: "cancel", jobId: ownFailedId })).status).toBe(200);
    expect((await post({ intent: "cancel", jobId: ownQueuedId })).status).toBe(200);
    const jobs = await db.job.findMany({ where: { id: { in: [ownFailedId, ownQueuedId] } }, select: { status: true, cancelReason: true } });
    expect(jobs).toEqual([
      { status: "cancelled", cancelReason: expect.stringMatching(/^cancelled on the System page by staff /) },
      { status: "cancelled", cancelReason: expect.stringMatching(/^cancelled on the System page by staff /) },
    ]);
  });
});
