// A refused change, in words the supplier can act on: what kind of refusal (in their language),
// then the database's own message, which names the rule.
import { t } from '../../i18n/index.ts';
import type { Refusal } from './queries.ts';

export function refusalText(error: Refusal): string {
  const kind = error.code === 'not_found' ? 'notFound'
    : error.code === '42501' ? 'forbidden'
    : error.code === '23514' ? 'invalid'
    : error.code === 'P0001' ? 'rule'
    : 'other';
  const detail = error.code === 'not_found' ? '' : ` (${error.message}${error.hint ? ` — ${error.hint}` : ''})`;
  return `${t(`supplier.refused.${kind}`)}${detail}`;
}
