// The list screen of any resource (/r/:resource). The screen itself (tables, filters, pickers,
// bulk edit) is a chunk of its own, keeping it out of the initial bundle (budget: 600 KB); a page
// load that opens a list starts fetching it at once (main.tsx), alongside the catalog.
import { Suspense, lazy } from 'react';
import { Result, Spin } from 'antd';
import { t } from '../i18n/index.ts';
import { useResourceSpec } from './useResourceSpec.ts';

let listScreenChunk: Promise<typeof import('./list/ListScreen.tsx')> | undefined;

/** Starts loading the list screen's chunk (once); the lazy component below waits for the same load. */
export function preloadListScreen() {
  listScreenChunk ??= import('./list/ListScreen.tsx');
  return listScreenChunk;
}

/** Whether `pathname` is a generated list (/r/:resource), whose chunk is worth fetching at boot. */
export function isListPath(pathname: string): boolean {
  return /^\/r\/[^/]+\/?$/.test(pathname);
}

const ListScreen = lazy(preloadListScreen);

export function GeneratedList() {
  const spec = useResourceSpec();
  if (!spec) return <Result status="404" subTitle={t('crud.unknownResource')} />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '20vh auto' }} />}>
      <ListScreen key={spec.name} spec={spec} />
    </Suspense>
  );
}
