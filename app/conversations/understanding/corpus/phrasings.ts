/** One phrasing a line; blank lines and surrounding spaces dropped. */
export function phrasings(strings: TemplateStringsArray): string[] {
  return strings.raw.join("").split("\n").map((line) => line.trim()).filter(Boolean);
}
