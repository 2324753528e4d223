import { describe, expect, it } from "vitest";
import { renderTemplate, templateVariables, unknownVariables } from "./templates";

describe("message templates", () => {
  it("fills every variable, with or without inner spaces", () => {
    expect(renderTemplate("Hi {{first_name}}, your {{ product }} is waiting", { first_name: "Ana", product: "Linen shirt" }))
      .toBe("Hi Ana, your Linen shirt is waiting");
  });

  it("drops a variable without a value and tidies the gap it leaves", () => {
    expect(renderTemplate("Hi {{first_name}}, still thinking?", {})).toBe("Hi, still thinking?");
  });

  it("lists variables once and names the unknown ones", () => {
    expect(templateVariables("{{a}} {{b}} {{a}}")).toEqual(["a", "b"]);
    expect(unknownVariables("{{first_name}} {{frist_name}}", ["first_name"])).toEqual(["frist_name"]);
  });

  it("leaves text that only looks like a variable alone", () => {
    expect(renderTemplate("Use {code} or {{ }}", { code: "X" })).toBe("Use {code} or {{ }}");
  });
});

describe("message templates under random input", () => {
  it("never throw, and fill every variable that has a value", async () => {
    const { default: fc } = await import("fast-check");
    const name = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.dictionary(name, fc.string({ maxLength: 40 }).filter((v) => !v.includes("{{"))), (text, values) => {
        const template = `${text} ${Object.keys(values).map((key) => `{{${key}}}`).join(" ")}`;
        const rendered = renderTemplate(template, values);
        for (const key of Object.keys(values)) expect(rendered).not.toContain(`{{${key}}}`);
      }),
      { numRuns: 300 },
    );
  });
});
