// Formatting the dashboard needs beyond money and dates: changes between periods, in percent.
import { getLocale } from '../../i18n/index.ts';

/** The relative change from previous to current (0.12 = +12 %), or null when there was nothing before. */
export function change(current: number, previous: number): number | null {
  if (!previous) return null;
  return (current - previous) / Math.abs(previous);
}

export function formatPercent(ratio: number, signed = false): string {
  return new Intl.NumberFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(ratio);
}
