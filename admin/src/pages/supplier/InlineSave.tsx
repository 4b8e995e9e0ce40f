// An input that saves itself: on Enter or when it loses focus, if the value changed, it calls
// `save`; while saving it is disabled; a refusal puts the stored value back and is shown under the
// input (and as a message), so the screen never shows a value the database did not keep.
import { useEffect, useState, type ReactNode } from 'react';
import { App, Input, InputNumber, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { refusalText } from './refusalText.ts';
import type { Refusal } from './queries.ts';

type Outcome = { ok: true } | { ok: false; error: Refusal };

interface Common<T> {
  value: T;
  save: (value: T) => Promise<Outcome>;
  testId: string;
  ariaLabel: string;
  disabled?: boolean;
}

function useInlineSave<T>({ value, save }: Common<T>) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<T>(value);
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({ saving: false, error: null, saved: false });
  useEffect(() => setDraft(value), [value]);
  const commit = async (next: T) => {
    if (next === value || state.saving) return;
    setState({ saving: true, error: null, saved: false });
    const outcome = await save(next);
    if (outcome.ok) {
      setState({ saving: false, error: null, saved: true });
    } else {
      const text = refusalText(outcome.error);
      setDraft(value);
      setState({ saving: false, error: text, saved: false });
      message.error(text);
    }
  };
  return { draft, setDraft, state, commit };
}

function Feedback({ error, saved, testId, children }: { error: string | null; saved: boolean; testId: string; children: ReactNode }) {
  return (
    <Space direction="vertical" size={0}>
      <Space size={4}>{children}{saved && <CheckOutlined style={{ color: '#389e0d' }} data-testid={`${testId}-saved`} />}</Space>
      {error && <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`${testId}-error`}>{error}</Typography.Text>}
    </Space>
  );
}

/** A number saved as is (stock), or scaled by 10^digits (money in minor units, typed in units). */
export function InlineNumber(props: Common<number> & { digits?: number; addonAfter?: string }) {
  const scale = 10 ** (props.digits ?? 0);
  const { draft, setDraft, state, commit } = useInlineSave(props);
  const commitInput = () => commit(draft);
  return (
    <Feedback error={state.error} saved={state.saved} testId={props.testId}>
      <InputNumber
        data-testid={props.testId}
        aria-label={props.ariaLabel}
        value={draft / scale}
        precision={props.digits ?? 0}
        step={props.digits ? 0.01 : 1}
        disabled={props.disabled || state.saving}
        addonAfter={props.addonAfter}
        style={{ width: props.addonAfter ? 150 : 100 }}
        onChange={(next) => setDraft(next === null ? props.value : Math.round(Number(next) * scale))}
        onPressEnter={commitInput}
        onBlur={commitInput}
      />
    </Feedback>
  );
}

/** Text saved trimmed; empty means "none" (null). */
export function InlineText(props: Common<string | null> & { placeholder?: string }) {
  const { draft, setDraft, state, commit } = useInlineSave(props);
  const commitInput = () => commit(draft?.trim() ? draft.trim() : null);
  return (
    <Feedback error={state.error} saved={state.saved} testId={props.testId}>
      <Input
        data-testid={props.testId}
        aria-label={props.ariaLabel}
        value={draft ?? ''}
        placeholder={props.placeholder}
        disabled={props.disabled || state.saving}
        style={{ width: 200 }}
        onChange={(event) => setDraft(event.target.value)}
        onPressEnter={commitInput}
        onBlur={commitInput}
      />
    </Feedback>
  );
}
