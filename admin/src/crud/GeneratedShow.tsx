// The show screen of any resource with a single-column key (/r/:resource/show/:id), loaded when
// first opened.
import { Suspense, lazy } from 'react';
import { Result, Spin } from 'antd';
import { t } from '../i18n/index.ts';
import { useResourceSpec } from './useResourceSpec.ts';

const ShowRecord = lazy(() => import('./show/ShowRecord.tsx'));

export function GeneratedShow() {
  const spec = useResourceSpec();
  if (!spec) return <Result status="404" subTitle={t('crud.unknownResource')} />;
  if (!spec.primaryKey) return <Result status="404" subTitle={t('crud.noKey')} />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
      <ShowRecord key={spec.name} spec={spec} />
    </Suspense>
  );
}
