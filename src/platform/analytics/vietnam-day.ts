// Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset gives the Asia/Ho_Chi_Minh calendar day
// without a time-zone lookup on every request.
const offsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;

/** The calendar day (YYYY-MM-DD) in Asia/Ho_Chi_Minh of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The day `days` after a YYYY-MM-DD day (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
