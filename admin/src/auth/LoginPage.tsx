// The sign-in screen: e-mail and password, or e-mail then a one-time code sent by e-mail.
import { useState } from 'react';
import { useLogin } from '@refinedev/core';
import { Alert, Button, Card, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import { getLocale, setLocale, t } from '../i18n/index.ts';
import { sendSignInCode, type LoginParams } from './authProvider.ts';

type Mode = 'password' | 'code';

export function LoginPage() {
  const [mode, setMode] = useState<Mode>('password');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { mutate: login, isPending } = useLogin<LoginParams>();
  const [form] = Form.useForm();

  const submit = async (values: { email: string; password?: string; code?: string }) => {
    setProblem(null);
    if (mode === 'code' && !codeSentTo) {
      setSending(true);
      try {
        await sendSignInCode(values.email);
        setCodeSentTo(values.email);
      } catch (error) {
        setProblem((error as Error).message);
      } finally {
        setSending(false);
      }
      return;
    }
    const params: LoginParams = mode === 'password'
      ? { email: values.email, password: values.password ?? '' }
      : { email: values.email, code: values.code ?? '' };
    login(params, { onSuccess: (result) => { if (!result.success) setProblem(result.error?.name ?? t('login.invalid')); } });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('login.title')}</Typography.Title>
            <Select
              size="small"
              aria-label={t('shell.language')}
              value={getLocale()}
              onChange={(locale) => { setLocale(locale); window.location.reload(); }}
              options={[{ value: 'fr', label: 'FR' }, { value: 'en', label: 'EN' }]}
            />
          </Space>
          <Segmented<Mode>
            block
            value={mode}
            onChange={(value) => { setMode(value); setCodeSentTo(null); setProblem(null); }}
            options={[{ value: 'password', label: t('login.withPassword') }, { value: 'code', label: t('login.withCode') }]}
          />
          {problem && <Alert type="error" showIcon message={problem} data-testid="login-error" />}
          {codeSentTo && <Alert type="info" showIcon message={t('login.codeSent', { email: codeSentTo })} />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}>
              <Input autoComplete="username" autoFocus disabled={!!codeSentTo} />
            </Form.Item>
            {mode === 'password' && (
              <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
            )}
            {mode === 'code' && codeSentTo && (
              <Form.Item name="code" label={t('login.code')} rules={[{ required: true, message: t('login.codeRequired') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={10} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={isPending || sending}>
              {mode === 'password' ? t('login.signIn') : codeSentTo ? t('login.verify') : t('login.sendCode')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
