// Numbers written as words, in the languages shoppers text in (English, Spanish, French), become
// digits before an answer is checked: "thirty days" must be traced like "30 days", or a model
// could state an invented number just by spelling it out.

const UNITS: Record<string, number> = {
  zero: 0, cero: 0, "zéro": 0,
  two: 2, dos: 2, deux: 2, three: 3, tres: 3, trois: 3, four: 4, cuatro: 4, quatre: 4,
  five: 5, cinco: 5, cinq: 5, six: 6, seis: 6, seven: 7, siete: 7, sept: 7,
  eight: 8, ocho: 8, huit: 8, nine: 9, nueve: 9, neuf: 9, ten: 10, diez: 10, dix: 10,
  // Not Spanish "once" (11): in English it is "once your order ships".
  eleven: 11, onze: 11, twelve: 12, doce: 12, douze: 12, thirteen: 13, trece: 13, treize: 13,
  fourteen: 14, catorce: 14, quatorze: 14, fifteen: 15, quince: 15, quinze: 15, sixteen: 16, "dieciséis": 16, seize: 16,
  seventeen: 17, diecisiete: 17, eighteen: 18, dieciocho: 18, nineteen: 19, diecinueve: 19,
  twenty: 20, veinte: 20, vingt: 20, thirty: 30, treinta: 30, trente: 30, forty: 40, cuarenta: 40, quarante: 40,
  fifty: 50, cincuenta: 50, cinquante: 50, sixty: 60, sesenta: 60, soixante: 60, seventy: 70, setenta: 70,
  eighty: 80, ochenta: 80, ninety: 90, noventa: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, cien: 100, ciento: 100, cent: 100, cents: 100, thousand: 1000, mil: 1000, mille: 1000 };
// French "cent" only inside a number ("deux cents"): on its own it is the English coin.
const NOT_ALONE = new Set(["cent", "cents"]);
// "one" and the articles that also mean one ("un", "une", "una", "uno") count only before a unit:
// "one of our team" states no number, "one week" does.
const ONE = new Set(["one", "un", "une", "una", "uno"]);
const UNIT_AFTER_ONE = /^[\s-]+((business\s+)?(days?|weeks?|months?|years?|hours?|minutes?|dollars?|euros?|pounds?|percent|items?|hundred|thousand|d[ií]as?|semanas?|mes|a[ñn]os?|horas?|d[óo]lar(es)?|jours?|semaines?|mois|ans?|ann[ée]es?|heures?|cents?|mille?|cien(to)?)\b)/iu;
const JOINERS = new Set(["and", "y", "et"]);

const WORD = /[\p{L}]+/gu;

function valueOf(word: string): number | undefined {
  return UNITS[word] ?? MULTIPLIERS[word];
}

/** The text with every number written in words replaced by its digits ("twenty-five" → "25"). */
export function digitsForNumberWords(text: string): string {
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  let result = "";
  let copiedTo = 0;
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    const isOne = ONE.has(first.word) && UNIT_AFTER_ONE.test(text.slice(first.end));
    if (!isOne && (valueOf(first.word) === undefined || NOT_ALONE.has(first.word))) continue;
    // A run of number words joined by spaces, hyphens or "and": "one hundred and twenty", "treinta y cinco".
    let total = 0;
    let current = isOne ? 1 : 0;
    let last = i;
    if (!isOne) [total, current] = apply(first.word, total, current);
    for (let j = i + 1; j < words.length; j++) {
      const gap = text.slice(words[j - 1].end, words[j].start);
      if (!/^[\s-]*$/.test(gap)) break;
      const word = words[j].word;
      if (JOINERS.has(word) && j + 1 < words.length && valueOf(words[j + 1].word) !== undefined) continue;
      if (valueOf(word) === undefined) break;
      [total, current] = apply(word, total, current);
      last = j;
    }
    result += text.slice(copiedTo, first.start) + String(total + current);
    copiedTo = words[last].end;
    i = last;
  }
  return result + text.slice(copiedTo);
}

function apply(word: string, total: number, current: number): [number, number] {
  const multiplier = MULTIPLIERS[word];
  if (multiplier === undefined) return [total, current + UNITS[word]!];
  if (multiplier === 1000) return [total + Math.max(current, 1) * 1000, 0];
  return [total, Math.max(current, 1) * multiplier];
}
