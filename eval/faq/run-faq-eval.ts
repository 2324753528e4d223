// npm run eval:faq: how the FAQ matcher does on labelled shopper texts against the demo shop's
// knowledge base. Precision is the share of automatic answers that were right; answered share
// is the share of all messages answered automatically. `--verbose` lists every miss.
import { readFileSync } from "node:fs";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";
import { indexFaq, matchFaq } from "~/conversations/routing/faq-matcher";
import { evaluateFaq, type LabelledMessage } from "./faq-evaluation";

const files = ["shopper-messages.json", "held-out-messages.json"];

function load(file: string): LabelledMessage[] {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")).cases;
}

const index = indexFaq(DEMO_FAQ.map((entry) => ({ ...entry, id: entry.topic })));
const answer = (text: string) => matchFaq(index, text)?.entry.topic ?? null;
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
const verbose = process.argv.includes("--verbose");

const sets: [string, LabelledMessage[]][] = files.map((file) => [file, load(file)]);
sets.push(["both sets", sets.flatMap(([, cases]) => cases)]);

for (const [name, cases] of sets) {
  const report = evaluateFaq(cases, answer);
  console.log(`\n${name}: ${report.total} messages, ${report.answerable} answerable by an FAQ entry`);
  console.log(`  precision of automatic answers: ${percent(report.precision)} (${report.correct} right of ${report.answered} answered)`);
  console.log(`  answered share:                 ${percent(report.answeredShare)} of all messages`);
  console.log(`  answerable ones answered:       ${percent(report.recall)}`);
  for (const [category, c] of Object.entries(report.byCategory)) {
    console.log(`    ${category.padEnd(14)} ${String(c.answered).padStart(3)} answered of ${String(c.total).padStart(3)}, ${c.wrong} wrong`);
  }
  for (const miss of report.wrong) console.log(`  WRONG  "${miss.text}" → ${miss.got} (accepts ${miss.accept.join(", ") || "a person only"})`);
  if (verbose) for (const miss of report.unanswered) console.log(`  handed off "${miss.text}" (accepts ${miss.accept.join(", ")})`);
}
