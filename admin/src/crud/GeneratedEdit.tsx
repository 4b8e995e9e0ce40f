// The edit screen of any resource with a single-column key, from its spec; the form is loaded when first opened.
import { Suspense, lazy } from 'react';
import { Result, Spin } from 'antd';
import { t } from '../i18n/index.ts';
import { useResourceSpec } from './useResourceSpec.ts';

const GeneratedForm = lazy(() => import('./form/GeneratedForm.tsx'));

export function GeneratedEdit() {
  const spec = useResourceSpec();
  if (!spec) return <Result status="404" subTitle={t('crud.unknownResource')} />;
  if (!spec.can.update || !spec.primaryKey) return <Result status="403" subTitle={t('crud.notAllowed')} />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
      <GeneratedForm key={spec.name} spec={spec} action="edit" />
    </Suspense>
  );
}
