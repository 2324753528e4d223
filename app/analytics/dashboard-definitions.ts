// The dashboard's choices and windows, shared by the figures (server) and the page (browser).

export const DASHBOARD_PERIOD_DAYS = [7, 30, 90] as const;
export type DashboardPeriodDays = (typeof DASHBOARD_PERIOD_DAYS)[number];
export const DEFAULT_PERIOD_DAYS: DashboardPeriodDays = 30;
/** A shopper's text counts as a reply when it comes this soon after an automated text. */
export const REPLY_WINDOW_DAYS = 3;

/** The `?period=` search parameter: one of the choices, else the default. */
export function periodDaysFrom(param: string | null): DashboardPeriodDays {
  return DASHBOARD_PERIOD_DAYS.find((days) => String(days) === param) ?? DEFAULT_PERIOD_DAYS;
}
