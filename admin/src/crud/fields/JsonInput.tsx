// JSON edited as text (a full editor would weigh more than the rest of the form); the form rule
// (jsonRule) refuses text that does not parse, with the parser's reason.
import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { jsonProblem } from '../form/coerce.ts';
import { t } from '../../i18n/index.ts';
import type { ItemLinks } from './itemLinks.ts';

export const jsonRule: Rule = {
  validator: async (_rule, value) => {
    const problem = jsonProblem(value);
    if (problem) throw new Error(t('crud.form.invalidJson', { problem }));
  },
};

interface Props extends ItemLinks {
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  testId?: string;
}

export function JsonInput({ value, onChange, disabled, testId, ...links }: Props) {
  return (
    <Input.TextArea
      {...links}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      disabled={disabled}
      autoSize={{ minRows: 3, maxRows: 16 }}
      spellCheck={false}
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
    />
  );
}
