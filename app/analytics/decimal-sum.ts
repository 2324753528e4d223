// Money adds up exactly: stored amounts are decimals (Prisma Decimal, read as plain strings),
// summed as scaled integers so 0.1 + 0.2 is 0.3 and a month of 0.004 segment costs loses nothing.

const SCALE = 6;
const FACTOR = 10n ** BigInt(SCALE);

function scaled(amount: string): bigint {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${amount}"`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > SCALE) throw new RangeError(`More than ${SCALE} decimals: "${amount}"`);
  const value = BigInt(whole || "0") * FACTOR + BigInt(fraction.padEnd(SCALE, "0"));
  return sign ? -value : value;
}

/** The exact sum of decimal strings, as a decimal string without trailing zeros ("12.5", "0"). */
export function sumDecimals(amounts: readonly string[]): string {
  const total = amounts.reduce((sum, amount) => sum + scaled(amount), 0n);
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const fraction = (magnitude % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${magnitude / FACTOR}${fraction ? `.${fraction}` : ""}`;
}
