// The fault suite's log check (tests/faults/log-hygiene.ts) must catch what it is there to
// catch: these lines are what a careless log call would write.
import { describe, expect, it } from "vitest";
import { logProblems, type KnownValues } from "./faults/log-hygiene";

const known: KnownValues = { phones: ["+16465550123"], bodies: ["Your order shipped"], secrets: ["sandbox-secret"] };
const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: "2026-12-07T10:00:00.000Z", component: "jobs", msg: "job will retry", ...fields });

describe("the fault suite's log check", () => {
  it("passes masked phones, redacted bodies and a job line with its ids", () => {
    const lines = [line({ jobId: "j1", jobKind: "send-text", attempt: 1, maxAttempts: 5, outcome: "retrying", error: "to …0123", body: "[redacted]" })];
    expect(logProblems(lines, known)).toEqual([]);
  });

  it.each([
    ["a known phone in national form", line({ msg: "texting (646) 555-0123" }), "a phone number"],
    ["any E.164 number", line({ msg: "texting +447700900123" }), "a phone number"],
    ["a body", line({ msg: "sent: Your order shipped!" }), "a message body"],
    ["a known secret", line({ note: "hmac with sandbox-secret" }), "a secret"],
    ["a Telnyx key", line({ note: "KEY0180A1B2C3D4E5F6_abc" }), "a secret"],
    ["a line that is not JSON", "Job worker 123 running", "not JSON"],
    ["a job's outcome without its ids", line({ outcome: "failed" }), "without jobId, jobKind, attempt, maxAttempts"],
  ])("reports %s", (_what, bad, problem) => {
    expect(logProblems([bad], known)).toEqual([expect.stringContaining(problem)]);
  });
});
