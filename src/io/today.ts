// "Today" is the current date in the configured timezone (else the system's): the only clock read.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export function todayIn(now: Date, zone?: string): string {
  return zone ? dayjs(now).tz(zone).format('YYYY-MM-DD') : dayjs(now).format('YYYY-MM-DD');
}

export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
