// What every lifecycle flow's settings share: the switch, the holdout, templates checked against
// the variables the flow offers, and an optional offer (a unique single-use code per shopper).
import { z } from "zod";
import { unknownVariables } from "./templates";

export const holdoutPercent = z.number().int("A whole percentage").min(0, "At least 0 %").max(50, "At most 50 %").default(0);

export const flowTemplate = (allowed: readonly string[], fallback: string) =>
  z
    .string()
    .trim()
    .min(1, "Write the text")
    .max(480, "At most 480 characters")
    .default(fallback)
    .superRefine((text, issue) => {
      const unknown = unknownVariables(text, allowed);
      if (unknown.length > 0) issue.addIssue({ code: "custom", message: `Unknown variable ${unknown.map((v) => `{{${v}}}`).join(", ")}; use ${allowed.map((v) => `{{${v}}}`).join(", ")}` });
    });

/** A percentage off, 0 for none, and how long the code lasts. */
export const flowOffer = (percent: number) =>
  z
    .object({
      percent: z.number().int("A whole percentage").min(0, "At least 0 %").max(50, "At most 50 %").default(percent),
      validDays: z.number().int("Whole days").min(1, "At least 1 day").max(60, "At most 60 days").default(7),
    })
    .default({});
