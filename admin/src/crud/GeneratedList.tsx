// The list screen of any resource (/r/:resource). The screen itself (tables, filters, pickers,
// bulk edit) is loaded when first opened, keeping it out of the initial bundle (budget: 600 KB).
import { Suspense, lazy } from 'react';
import { Result, Spin } from 'antd';
import { t } from '../i18n/index.ts';
import { useResourceSpec } from './useResourceSpec.ts';

const ListScreen = lazy(() => import('./list/ListScreen.tsx'));

export function GeneratedList() {
  const spec = useResourceSpec();
  if (!spec) return <Result status="404" subTitle={t('crud.unknownResource')} />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
      <ListScreen key={spec.name} spec={spec} />
    </Suspense>
  );
}
