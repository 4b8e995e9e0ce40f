// Money typed in currency units (12,50 €) while the column holds minor units (1250): the input
// keeps a decimal string (InputNumber's stringMode), coerce.ts converts it exactly.
import { InputNumber } from 'antd';
import { currencyDigits } from '../form/money.ts';
import { getLocale } from '../../i18n/index.ts';
import type { ItemLinks } from './itemLinks.ts';

interface Props extends ItemLinks {
  value?: string | null;
  onChange?: (value: string | null) => void;
  currency: string;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
}

function symbolOf(currency: string): string {
  try {
    const parts = new Intl.NumberFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

export function MoneyInput({ value, onChange, currency, disabled, placeholder, testId, ...links }: Props) {
  const digits = currencyDigits(currency);
  const comma = getLocale() === 'fr';
  return (
    <InputNumber<string>
      {...links}
      data-testid={testId}
      stringMode
      value={value ?? null}
      onChange={(next) => onChange?.(next === null || next === undefined || next === '' ? null : String(next))}
      precision={digits}
      step={digits ? `0.${'0'.repeat(digits - 1)}1` : '1'}
      decimalSeparator={comma ? ',' : '.'}
      addonAfter={symbolOf(currency)}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', maxWidth: 240 }}
    />
  );
}
