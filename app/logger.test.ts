import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.server";

function capture(level?: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

describe("the app's logger", () => {
  it("writes one JSON line with the context, phones masked, bodies and secrets redacted", () => {
    const { log, lines } = capture();
    const job = log.child({ component: "jobs", jobId: "job_1", jobKind: "send-text", shop: "shop.myshopify.com" });
    job.warn(
      { body: "Your code is 4411", payload: { to: "+13125550142" }, headers: { authorization: "Bearer abc" }, apiKey: "KEY0123", note: "call (312) 555-0177" },
      "texting +13125550142 failed",
    );
    expect(lines).toEqual([
      {
        level: 40,
        time: expect.any(String),
        pid: process.pid,
        hostname: expect.any(String),
        component: "jobs",
        jobId: "job_1",
        jobKind: "send-text",
        shop: "shop.myshopify.com",
        body: "[redacted]",
        payload: "[redacted]",
        headers: "[redacted]",
        apiKey: "[redacted]",
        note: "call …0177",
        msg: "texting …0142 failed",
      },
    ]);
  });

  it("masks a phone in a child's context as well", () => {
    const { log, lines } = capture();
    log.child({ component: "webhooks", shop: "+13125550142" }).info("received");
    expect(lines[0]).toMatchObject({ shop: "…0142" });
  });

  it("logs an error as its type, code, masked one-line message and stack frames, without Prisma's quoted arguments", () => {
    const { log, lines } = capture();
    const prisma = Object.assign(
      new Error('Invalid `prisma.message.create()` invocation:\n{ data: { toNumber: "+13125550142", body: "Hi Ann" } }\nUnique constraint failed on the fields: (`providerMessageId`)'),
      { name: "PrismaClientKnownRequestError", code: "P2002" },
    );
    log.error({ err: prisma }, "could not record the text");
    expect(lines[0]!.err).toEqual({
      type: "PrismaClientKnownRequestError",
      code: "P2002",
      message: "PrismaClientKnownRequestError: Unique constraint failed on the fields: (`providerMessageId`)",
      stack: expect.arrayContaining([expect.stringMatching(/^at /)]),
    });
  });

  it("leaves out lines below LOG_LEVEL and refuses a level it does not know, naming LOG_LEVEL", () => {
    const { log, lines } = capture("warn");
    log.info("routine");
    log.warn("unusual");
    expect(lines.map((line) => line.msg)).toEqual(["unusual"]);
    expect(() => createLogger({ level: "loud" })).toThrow(/LOG_LEVEL must be one of .*info/);
  });
});
