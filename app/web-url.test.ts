import { describe, expect, it } from "vitest";
import { webUrl } from "./web-url";

describe("webUrl", () => {
  it.each([
    ["https://www.ups.com/track?num=1Z999", "https://www.ups.com/track?num=1Z999"],
    ["HTTP://Example.com", "http://example.com/"],
  ])("keeps the web address %j", (value, kept) => {
    expect(webUrl(value)).toBe(kept);
  });

  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.example/x", "/orders/1", "ftp://example.com/a", "", null, 42, { href: "https://x.example" }])(
    "refuses %j",
    (value) => {
      expect(webUrl(value)).toBeNull();
    },
  );
});
