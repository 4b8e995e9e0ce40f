// Top bar: who is signed in, with which role, the language switch and sign-out.
import { useLogout } from '@refinedev/core';
import { Button, Layout, Select, Space, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { getLocale, setLocale, t } from '../i18n/index.ts';
import { useSpecs } from '../catalog/SpecsContext.ts';

export function Header() {
  const { mutate: logout } = useLogout();
  const { user } = useSpecs();
  return (
    <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', padding: '0 24px', height: 56 }}>
      <Space size="middle">
        <Typography.Text data-testid="signed-in-as">{user.email}</Typography.Text>
        {user.roles.map((role) => <Tag key={role}>{t(`shell.role.${role}`)}</Tag>)}
        <Select
          size="small"
          aria-label={t('shell.language')}
          value={getLocale()}
          onChange={(locale) => { setLocale(locale); window.location.reload(); }}
          options={[{ value: 'fr', label: t('shell.french') }, { value: 'en', label: t('shell.english') }]}
        />
        <Button icon={<LogoutOutlined />} onClick={() => logout()} data-testid="sign-out">{t('buttons.logout')}</Button>
      </Space>
    </Layout.Header>
  );
}
