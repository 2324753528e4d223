// The sandbox mints an admin session for every request, so it must be out of reach of the
// network and of other sites' pages in the visitor's browser.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";

const app = useAppServer("sandbox");
const { db } = useTestDatabase();
const port = () => Number(new URL(app.url).port);

/** The local addresses of every listening TCP socket on the port, as the kernel reports them. */
function listeningAddresses(onPort: number): string[] {
  const rows = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) => readFileSync(file, "utf8").trim().split("\n").slice(1));
  return rows
    .map((row) => row.trim().split(/\s+/))
    .filter(([, local, , state]) => state === "0A" && parseInt(local.split(":")[1], 16) === onPort)
    .map(([, local]) => local.split(":")[0]);
}

describe("the sandbox's exposure", () => {
  it("listens on loopback only", () => {
    // 0100007F is 127.0.0.1 in the kernel's byte order; 00000000 would be every interface.
    expect(listeningAddresses(port())).toEqual(["0100007F"]);
  });

  it("refuses a control call another site's page makes through the visitor's browser", async () => {
    const before = (await (await fetch(`${app.url}/sandbox/clock`)).json()).now;
    const foreign: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "http://127.0.0.1:1" }];
    for (const headers of foreign) {
      const response = await fetch(`${app.url}/sandbox/clock`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ advanceMinutes: 60 }),
      });
      expect(response.status).toBe(403);
    }
    expect((await (await fetch(`${app.url}/sandbox/clock`)).json()).now).toBe(before);
  });

  it("refuses an admin action from another site and takes it from its own pages", async () => {
    const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { phone: "+13125550142" }, shop: { domain: "textback-demo.myshopify.com" } } });
    const note = (origin: string, text: string) =>
      fetch(`${app.url}/app/inbox/${conversation.id}`, {
        method: "POST",
        headers: { "User-Agent": BROWSER_USER_AGENT, Origin: origin },
        body: new URLSearchParams({ intent: "note", text }),
      });
    expect((await note("https://evil.example", "from elsewhere")).status).toBe(403);
    expect((await note(app.url, "from the thread page")).status).toBe(200);
    const notes = JSON.parse((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).notes) as { text: string }[];
    expect(notes.map((n) => n.text)).toContain("from the thread page");
    expect(notes.map((n) => n.text)).not.toContain("from elsewhere");
  });
});
