// The periods the dashboard offers: today, the last 7 or 30 days (today included), or any range.
import dayjs, { type Dayjs } from 'dayjs';
import type { Period } from './types.ts';

export type PeriodPreset = 'today' | 'days7' | 'days30' | 'custom';

const DAY = 'YYYY-MM-DD';

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: Dayjs = dayjs()): Period {
  const days = preset === 'today' ? 1 : preset === 'days7' ? 7 : 30;
  return { start: now.subtract(days - 1, 'day').format(DAY), end: now.format(DAY) };
}

export function rangePeriod(start: Dayjs, end: Dayjs): Period {
  return { start: start.format(DAY), end: end.format(DAY) };
}
