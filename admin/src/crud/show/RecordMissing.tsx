// What the show and edit screens say when the row of the URL does not come back: it does not exist,
// or row-level security hides it from this user (a supplier typing another supplier's row). The two
// look the same on purpose: telling them apart would tell the user that the row exists.
import { Result } from 'antd';
import { t } from '../../i18n/index.ts';
import { meansNotFound, type LoadError } from './loadErrors.ts';

export function RecordMissing({ error }: { error?: LoadError | null }) {
  const missing = meansNotFound(error);
  return (
    <div data-testid={missing ? 'record-missing' : 'record-load-error'}>
      {missing ? <Result status="404" subTitle={t('crud.notFound')} /> : <Result status="warning" subTitle={error?.message} />}
    </div>
  );
}
