// Calendar dates as whole day numbers (days since 1970-01-01), computed in UTC arithmetic so that
// no result depends on the machine's timezone. Dates are strict: 2023-02-30 is rejected, never rolled.
import { foldText } from './text-fold.js';

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

/**
 * A date as written in a file: its day; 'not-a-day' when it has the shape YYYY-MM-DD but no such
 * day exists (2023-02-30: reported as invalid-date); undefined for anything else (the schema
 * reports a wrong shape).
 */
export function readDate(value: unknown): DayNumber | 'not-a-day' | undefined {
  if (typeof value !== 'string') return undefined;
  const day = parseIsoDate(value);
  return day === undefined && ISO_DATE.test(value) ? 'not-a-day' : day;
}

/**
 * A date as Excel and WPS write it in a Chinese locale, besides YYYY-MM-DD: 2024/6/30, 2024-6-30,
 * 2024.6.30 and 2024年6月30日 (full-width forms folded first). Four-digit years only: 6/30/2024 and
 * two-digit years are refused, never guessed.
 */
export function parseWrittenDate(text: string): DayNumber | undefined {
  const folded = foldText(text);
  const iso = parseIsoDate(folded);
  if (iso !== undefined) return iso;
  const match = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(folded);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[3] ?? match[5]);
  const day = Number(match[4] ?? match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function formatDay(day: DayNumber): string {
  const { year, month, dayOfMonth } = splitDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

export function splitDay(day: DayNumber): { year: number; month: number; dayOfMonth: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday */
export function isoWeekday(day: DayNumber): number {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Day N of the given month, or the month's last day where it is shorter than N. */
export function clampedDay(year: number, month: number, day: number): DayNumber {
  return dayNumber(year, month, Math.min(day, daysInMonth(year, month)));
}
