// Scores automatic answers against labelled messages. A message may accept several entries (an
// order-status question is also a fair shipping-time question); an empty list means only a
// person should answer, so any automatic answer to it is wrong. `person` marks the texts that
// ask for a person or complain: answering one of them at all is the worst mistake.
export interface LabelledMessage {
  category: string;
  text: string;
  accept: string[];
  person: boolean;
}

/** What automation did with a text: the entry it answered with, or null and who handed it off. */
export interface Outcome {
  entry: string | null;
  /** Set when the hand-off rules (hand-off.ts) took the text before the classifier saw it. */
  handOffRule?: string;
}

export interface Tally {
  total: number;
  answerable: number;
  answered: number;
  right: number;
}

export interface FaqEvaluation extends Tally {
  precision: number;
  /** Answerable messages answered with an accepted entry, over all answerable ones. */
  answerableAnswered: number;
  personAnswered: number;
  byCategory: Record<string, Tally>;
  /** Per entry answered with: how many answers, how many right. */
  byEntry: Record<string, { answered: number; right: number }>;
  wrong: (LabelledMessage & { got: string })[];
  unanswered: LabelledMessage[];
  takenByRules: (LabelledMessage & { rule: string })[];
}

export function evaluateFaq(cases: readonly LabelledMessage[], answer: (text: string) => Outcome): FaqEvaluation {
  const total = (): Tally => ({ total: 0, answerable: 0, answered: 0, right: 0 });
  const report: FaqEvaluation = {
    ...total(), precision: 1, answerableAnswered: 0, personAnswered: 0, byCategory: {}, byEntry: {}, wrong: [], unanswered: [], takenByRules: [],
  };
  for (const message of cases) {
    const tallies = [report, (report.byCategory[message.category] ??= total())];
    const answerable = message.accept.length > 0;
    const { entry, handOffRule } = answer(message.text);
    for (const tally of tallies) {
      tally.total += 1;
      if (answerable) tally.answerable += 1;
    }
    if (handOffRule && answerable) report.takenByRules.push({ ...message, rule: handOffRule });
    if (entry === null) {
      if (answerable) report.unanswered.push(message);
      continue;
    }
    const right = message.accept.includes(entry);
    const byEntry = (report.byEntry[entry] ??= { answered: 0, right: 0 });
    byEntry.answered += 1;
    for (const tally of tallies) tally.answered += 1;
    if (right) {
      byEntry.right += 1;
      for (const tally of tallies) tally.right += 1;
    } else report.wrong.push({ ...message, got: entry });
    if (message.person) report.personAnswered += 1;
  }
  report.precision = report.answered === 0 ? 1 : report.right / report.answered;
  report.answerableAnswered = report.answerable === 0 ? 0 : report.right / report.answerable;
  return report;
}
