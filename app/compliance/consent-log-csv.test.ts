import { describe, expect, it } from "vitest";
import { consentLogCsvHeader, consentLogCsvLines, csvCell } from "./consent-log-csv";

describe("the consent log as CSV", () => {
  it("quotes fields with commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("Yes, text me")).toBe('"Yes, text me"');
    expect(csvCell('He said "stop"')).toBe('"He said ""stop"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("turns cells a spreadsheet would run as formulas into text", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(["+1312", "-2+3", "@SUM(A1)", "\tcmd"].map(csvCell)).toEqual(["'+1312", "'-2+3", "'@SUM(A1)", "'\tcmd"]);
  });

  it("writes one CRLF-terminated line per event with its status in words", () => {
    const at = new Date("2026-04-01T12:00:00.000Z");
    const csv = consentLogCsvHeader() + consentLogCsvLines([{ id: "e1", phone: "+13125550142", scope: "marketing", granted: false, source: "keyword", text: "STOP", occurredAt: at }]);
    expect(csv).toBe(`phone,scope,status,source,text,time\r\n'+13125550142,marketing,revoked,keyword,STOP,${at.toISOString()}\r\n`);
  });
});
