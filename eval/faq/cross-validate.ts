// npx tsx eval/faq/cross-validate.ts: how the classifier does on its own corpus, by nested
// k-fold cross-validation, with no held-out set opened. Each outer fold's phrasings are read by
// a model trained on the other folds and calibrated on that training part's own out-of-fold
// readings (the inner folds), exactly as the app builds its classifier from the whole corpus;
// so the answers counted were decided by a model and a calibration that never saw them.
// Answerable means the demo shop has an entry for the intent (stock, greetings, thanks and none
// have none), as in npm run eval:faq; the hand-off rules (hand-off.ts) take their texts first, as
// in the app, and a text the model gives the person intents at least the floor goes to a person.
// `--verbose` lists the wrong answers and person texts answered. `--write-calibration`
// also writes the calibration the app ships (the whole corpus's out-of-fold readings).
import { handOffReasonOf } from "~/conversations/routing/hand-off";
import { calibrated } from "~/conversations/understanding/calibration";
import { writeFileSync } from "node:fs";
import { calibrationFrom, corpusCalibration, corpusExamples, foldOf, FOLDS, outOfFoldReadings, readingOf, trainModel } from "~/conversations/understanding/intent-classifier";
import { PERSON_READING_FLOOR } from "~/conversations/understanding/faq-understanding";
import { INTENTS, isPersonIntent } from "~/conversations/understanding/intents";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";

const TARGET = 0.95;
const verbose = process.argv.includes("--verbose");
const answerable = new Set(DEMO_FAQ.map((entry) => entry.topic));
const examples = corpusExamples();
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

// Each outer-fold text as the app would take it: the hand-off rules first (hand-off.ts), then
// the reading; whether it is answered depends on the person floor, so that is applied below.
interface Outcome { text: string; label: string; read: string; confident: boolean; person: number; ruled: boolean }
const outcomes: Outcome[] = [];
let correct = 0;
const started = performance.now();
for (let fold = 0; fold < FOLDS; fold++) {
  const training = examples.filter((e) => foldOf(e.text) !== fold);
  const calibration = calibrationFrom(outOfFoldReadings(training, fold + 1));
  const model = trainModel(training);
  for (const { text, label } of examples.filter((e) => foldOf(e.text) === fold)) {
    const { read, score, person } = readingOf(model, text);
    if (read === label) correct += 1;
    const confident = answerable.has(read) && calibrated(calibration, read, score) >= TARGET;
    outcomes.push({ text, label, read, confident, person: person.probability, ruled: handOffReasonOf(text) !== null });
  }
}
const answeredAt = (floor: number) => outcomes.filter((o) => !o.ruled && o.confident && o.person < floor);
const answerableTexts = outcomes.filter((o) => answerable.has(o.label)).length;

console.log(`${examples.length} phrasings, ${FOLDS} outer folds × ${FOLDS} inner, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`out-of-fold accuracy of the top reading: ${percent(correct / examples.length)}`);
const start = performance.now();
trainModel(examples);
console.log(`one training on the whole corpus: ${(performance.now() - start).toFixed(0)} ms`);
console.log(`at the ${percent(TARGET)} target, after the hand-off rules, by the floor of person probability (both person intents summed) that hands off:`);
console.log(`  floor   answerable answered   precision         person texts answered`);
for (const floor of [1.01, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.07, 0.05]) {
  const answered = answeredAt(floor);
  const right = answered.filter((o) => o.read === o.label).length;
  const shipped = floor === PERSON_READING_FLOOR ? "  (shipped)" : "";
  const label = floor > 1 ? "none" : floor.toFixed(2);
  console.log(`  ${label.padEnd(6)}  ${percent(right / answerableTexts).padStart(7)}              ${percent(right / answered.length).padStart(7)} of ${String(answered.length).padEnd(5)} ${answered.filter((o) => isPersonIntent(o.label)).length}${shipped}`);
}

const answered = answeredAt(PERSON_READING_FLOOR);
console.log(`at the shipped floor ${PERSON_READING_FLOOR}: intent, answered share of its texts, precision of answers as it`);
for (const intent of Object.keys(INTENTS)) {
  const texts = outcomes.filter((o) => o.label === intent).length;
  const answersAs = answered.filter((o) => o.read === intent);
  const rightAs = answersAs.filter((o) => o.label === intent).length;
  const share = answerable.has(intent) ? percent(rightAs / texts) : "      -";
  const precision = answersAs.length ? `${percent(rightAs / answersAs.length)} of ${answersAs.length}` : "-";
  console.log(`  ${intent.padEnd(24)} ${String(texts).padStart(4)} texts  ${share.padStart(7)}  ${precision}`);
}
const right = answered.filter((o) => o.read === o.label).length;
const personAnswered = answered.filter((o) => isPersonIntent(o.label));
console.log(`all: answerable answered ${percent(right / answerableTexts)}, precision ${percent(right / answered.length)} (${right}/${answered.length}), person texts answered ${personAnswered.length}`);
if (verbose) {
  for (const o of answered) if (o.read !== o.label) console.log(`  WRONG "${o.text}" (${o.label}) → ${o.read}`);
  for (const o of personAnswered) console.log(`  PERSON ANSWERED "${o.text}" (${o.label}) → ${o.read}, person ${o.person.toFixed(2)}`);
}

if (process.argv.includes("--write-calibration")) {
  const file = new URL("../../app/conversations/understanding/corpus-calibration.json", import.meta.url);
  writeFileSync(file, `${JSON.stringify(corpusCalibration())}\n`);
  console.log(`wrote ${file.pathname}`);
}
