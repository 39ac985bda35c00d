// Vietnam keeps UTC+7 all year (no daylight saving), so local wall-clock arithmetic is a fixed offset.
const offsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type LocalDate = string;

/** The local date and the minutes since local midnight of an instant. */
export function toLocal(at: Date): { date: LocalDate; minutes: number } {
  const shifted = new Date(at.getTime() + offsetMs);
  return { date: shifted.toISOString().slice(0, 10), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60 + shifted.getUTCMilliseconds() / 60_000 };
}

/** The instant of a local date and minute of the day. */
export function fromLocal(date: LocalDate, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMs + Math.round(minutes * 60_000));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** `HH:MM` → minutes since midnight. */
export function parseClock(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h! * 60 + m!;
}
