// Scores an FAQ answerer against labelled messages. A message may accept several entries (an
// order-status question is also a fair shipping-time question); an empty list means only a
// person should answer, so any automatic answer to it is wrong.
export interface LabelledMessage {
  category: string;
  text: string;
  accept: string[];
}

export interface FaqEvaluation {
  total: number;
  answerable: number;
  answered: number;
  correct: number;
  precision: number;
  answeredShare: number;
  recall: number;
  byCategory: Record<string, { total: number; answered: number; wrong: number }>;
  wrong: (LabelledMessage & { got: string })[];
  unanswered: LabelledMessage[];
}

export function evaluateFaq(cases: readonly LabelledMessage[], answer: (text: string) => string | null): FaqEvaluation {
  const byCategory: FaqEvaluation["byCategory"] = {};
  const wrong: FaqEvaluation["wrong"] = [];
  const unanswered: LabelledMessage[] = [];
  let answered = 0;
  let correct = 0;
  let correctOnAnswerable = 0;
  for (const message of cases) {
    const tally = (byCategory[message.category] ??= { total: 0, answered: 0, wrong: 0 });
    tally.total += 1;
    const got = answer(message.text);
    if (got === null) {
      if (message.accept.length > 0) unanswered.push(message);
      continue;
    }
    answered += 1;
    tally.answered += 1;
    if (message.accept.includes(got)) {
      correct += 1;
      correctOnAnswerable += 1;
    } else {
      tally.wrong += 1;
      wrong.push({ ...message, got });
    }
  }
  const answerable = cases.filter((c) => c.accept.length > 0).length;
  return {
    total: cases.length,
    answerable,
    answered,
    correct,
    precision: answered === 0 ? 1 : correct / answered,
    answeredShare: cases.length === 0 ? 0 : answered / cases.length,
    recall: answerable === 0 ? 0 : correctOnAnswerable / answerable,
    byCategory,
    wrong,
    unanswered,
  };
}
