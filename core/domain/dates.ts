// One rule for "a date" everywhere: the seed validator applies it to the data files, and the API can
// apply it to graph(asOf:), so a date the data may hold is exactly a date a client may ask about.

/** YYYY, YYYY-MM or YYYY-MM-DD; the data uses all three (a year alone when only the year is known). */
export const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Proleptic Gregorian by arithmetic: Date.UTC maps years 0-99 to 1900-1999 and would misjudge their leap days.
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** True for a real calendar date as YYYY, YYYY-MM or YYYY-MM-DD: "2024-02-29" yes, "2025-02-30" and "2025-13" no. */
export function isCalendarDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}
