// How the dashboard writes its figures. One fixed locale, so the server's HTML and the browser's
// hydration agree; money in the shop's currency.
const LOCALE = "en-US";
const NO_VALUE = "—";

export function formatMoney(amount: string | number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(Number(amount));
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat(LOCALE).format(count);
}

export function formatPercent(rate: number | null): string {
  if (rate === null) return NO_VALUE;
  return new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

const MINUTE_MS = 60_000;

/** "45 sec", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)} sec`;
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
