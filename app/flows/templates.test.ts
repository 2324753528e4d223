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
