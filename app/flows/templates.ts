// Merchant-editable texts with {{variables}}. Settings are validated against the variables a
// flow offers, so a typo is refused when it is saved rather than texted to a shopper.
const VARIABLE = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((match) => match[1]))];
}

export function unknownVariables(template: string, allowed: readonly string[]): string[] {
  return templateVariables(template).filter((name) => !allowed.includes(name));
}

/** Fills each variable; one with no value becomes empty and the spaces it leaves are tidied. */
export function renderTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template
    .replace(VARIABLE, (_, name: string) => values[name] ?? "")
    .replace(/[ \t]+([,.!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
