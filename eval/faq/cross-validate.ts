// npx tsx eval/faq/cross-validate.ts: how the classifier does on its own corpus, by nested
// k-fold cross-validation, with no held-out set opened. Each outer fold's phrasings are read by
// a model trained on the other folds and calibrated on that training part's own out-of-fold
// readings (the inner folds), exactly as the app builds its classifier from the whole corpus;
// so the answers counted were decided by a model and a calibration that never saw them.
// Answerable means the demo shop has an entry for the intent (stock, greetings, thanks and none
// have none), as in npm run eval:faq. `--verbose` lists the wrong answers. `--write-calibration`
// also writes the calibration the app ships (the whole corpus's out-of-fold readings).
import { handOffReasonOf } from "~/conversations/routing/hand-off";
import { calibrated } from "~/conversations/understanding/calibration";
import { writeFileSync } from "node:fs";
import { calibrationFrom, corpusCalibration, corpusExamples, foldOf, FOLDS, outOfFoldReadings, readingOf, trainModel } from "~/conversations/understanding/intent-classifier";
import { INTENTS, isPersonIntent } from "~/conversations/understanding/intents";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";

const TARGET = 0.95;
const verbose = process.argv.includes("--verbose");
const answerable = new Set(DEMO_FAQ.map((entry) => entry.topic));
const examples = corpusExamples();
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

const tally = Object.fromEntries(Object.keys(INTENTS).map((intent) => [intent, { texts: 0, answeredRight: 0, answersAs: 0, rightAs: 0 }]));
const wrong: string[] = [];
let correct = 0;
const personAnswered: string[] = [];
const started = performance.now();
for (let fold = 0; fold < FOLDS; fold++) {
  const training = examples.filter((e) => foldOf(e.text) !== fold);
  const calibration = calibrationFrom(outOfFoldReadings(training, fold + 1));
  const model = trainModel(training);
  for (const { text, label } of examples.filter((e) => foldOf(e.text) === fold)) {
    const { read, score } = readingOf(model, text);
    if (read === label) correct += 1;
    tally[label].texts += 1;
    const answered = answerable.has(read) && calibrated(calibration, read, score) >= TARGET;
    if (!answered) continue;
    tally[read].answersAs += 1;
    if (read === label) {
      tally[read].rightAs += 1;
      tally[label].answeredRight += 1;
    } else wrong.push(`"${text}" (${label}) → ${read}`);
    if (isPersonIntent(label)) personAnswered.push(text);
  }
}

console.log(`${examples.length} phrasings, ${FOLDS} outer folds × ${FOLDS} inner, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`out-of-fold accuracy of the top reading: ${percent(correct / examples.length)}`);
const start = performance.now();
trainModel(examples);
console.log(`one training on the whole corpus: ${(performance.now() - start).toFixed(0)} ms`);
console.log(`at the ${percent(TARGET)} target: intent, answered share of its texts, precision of answers as it`);
let answers = 0, rightAnswers = 0, answerableTexts = 0, answerableRight = 0;
for (const [intent, t] of Object.entries(tally)) {
  answers += t.answersAs;
  rightAnswers += t.rightAs;
  if (answerable.has(intent)) {
    answerableTexts += t.texts;
    answerableRight += t.answeredRight;
  }
  const share = answerable.has(intent) ? percent(t.answeredRight / t.texts) : "      -";
  const precision = t.answersAs ? `${percent(t.rightAs / t.answersAs)} of ${t.answersAs}` : "-";
  console.log(`  ${intent.padEnd(24)} ${String(t.texts).padStart(4)} texts  ${share.padStart(7)}  ${precision}`);
}
console.log(`all: answerable answered ${percent(answerableRight / answerableTexts)}, precision ${percent(rightAnswers / answers)} (${rightAnswers}/${answers}), person texts answered ${personAnswered.length}, ${personAnswered.filter((text) => !handOffReasonOf(text)).length} of them past the hand-off rules that run first in the app`);
if (verbose) for (const line of wrong) console.log(`  WRONG ${line}`);

if (process.argv.includes("--write-calibration")) {
  const file = new URL("../../app/conversations/understanding/corpus-calibration.json", import.meta.url);
  writeFileSync(file, `${JSON.stringify(corpusCalibration())}\n`);
  console.log(`wrote ${file.pathname}`);
}
