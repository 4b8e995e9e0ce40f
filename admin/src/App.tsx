// The admin shell: Refine wired to supabase-js, resources derived from the signed-in user's catalog,
// custom pages from pages/registry.tsx, French by default.
import { Suspense, useMemo, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useParams } from 'react-router';
import { Authenticated, Refine, type ResourceProps } from '@refinedev/core';
import { ErrorComponent, ThemedLayout, useNotificationProvider } from '@refinedev/antd';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { dataProvider } from '@refinedev/supabase';
import { App as AntdApp, Button, ConfigProvider, Result, Spin } from 'antd';
// antd's ES-module locales: `antd/locale/*` is CommonJS, and the bundler's interop hands it over as
// { default: locale }, so ConfigProvider found no DatePicker words and pickers spoke English.
import frFR from 'antd/es/locale/fr_FR';
import enGB from 'antd/es/locale/en_GB';
import '@refinedev/antd/dist/reset.css';
import { supabase } from './supabase.ts';
import { authProvider } from './auth/authProvider.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { getLocale, i18nProvider, t } from './i18n/index.ts';
import { useCatalog } from './catalog/useCatalog.ts';
import { deriveResources } from './catalog/derive.ts';
import type { ResourceSpec } from './catalog/spec.ts';
import type { Catalog } from './catalog/types.ts';
import { accessControl, canNow } from './access.ts';
import { LightSider } from './shell/LightSider.tsx';
import { SpecsContext, useSpecs } from './catalog/SpecsContext.ts';
import { withStableOrder } from './crud/list/stableOrder.ts';
import { customPages, homeRoute, resourceOverrides } from './pages/registry.tsx';
import { Header } from './shell/Header.tsx';
import { GeneratedList } from './crud/GeneratedList.tsx';
import { GeneratedShow } from './crud/GeneratedShow.tsx';
import { GeneratedCreate } from './crud/GeneratedCreate.tsx';
import { GeneratedEdit } from './crud/GeneratedEdit.tsx';

const base = (name: string) => `/r/${name}`;

function refineResources(specs: ResourceSpec[], catalog: Catalog): ResourceProps[] {
  const groups = new Set<string>();
  const pages = customPages.filter((page) => page.roles.some((role) => catalog.user.roles.includes(role)));
  for (const item of [...pages, ...specs.filter((s) => !s.hidden)]) groups.add(item.group);
  return [
    ...[...groups].map((group) => ({ name: `group:${group}`, meta: { label: t(`group.${group}`) } })),
    ...pages.map((page) => ({
      name: page.name, list: page.route, meta: { label: t(page.labelKey), icon: page.icon, parent: `group:${page.group}` },
    })),
    ...specs.map((spec) => ({
      name: spec.name,
      list: base(spec.name),
      create: spec.can.insert ? `${base(spec.name)}/create` : undefined,
      show: spec.primaryKey ? `${base(spec.name)}/show/:id` : undefined,
      edit: spec.primaryKey && spec.can.update ? `${base(spec.name)}/edit/:id` : undefined,
      meta: { label: spec.label, parent: `group:${spec.group}`, hide: spec.hidden, canDelete: spec.can.delete, spec },
    })),
  ];
}

const Loading = () => <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

/** A route only the user's rights allow; otherwise a clear "no access" rather than an empty screen. */
function Guarded({ children, resource, action }: { children: ReactNode; resource?: string; action: string }) {
  const { user, specs } = useSpecs();
  const params = useParams();
  if (!canNow(user, specs, resource ?? params.resource, action)) return <Result status="403" title="403" subTitle={t('shell.forbidden')} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function SignedInApp({ catalog }: { catalog: Catalog }) {
  const specs = useMemo(() => deriveResources(catalog, getLocale()), [catalog]);
  const byName = useMemo(() => new Map(specs.map((spec) => [spec.name, spec])), [specs]);
  const resources = useMemo(() => refineResources(specs, catalog), [specs, catalog]);
  const access = useMemo(() => accessControl(catalog.user, byName), [catalog, byName]);
  return (
    <SpecsContext.Provider value={{ user: catalog.user, specs: byName }}>
      <Refine
        dataProvider={withStableOrder(dataProvider(supabase))}
        authProvider={authProvider}
        routerProvider={routerProvider}
        i18nProvider={i18nProvider}
        accessControlProvider={access}
        notificationProvider={useNotificationProvider}
        resources={resources}
        options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, mutationMode: 'pessimistic' }}
      >
        <Routes>
          <Route
            element={
              <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
                <ThemedLayout Header={Header} Sider={LightSider}>
                  <Outlet />
                </ThemedLayout>
              </Authenticated>
            }
          >
            <Route index element={<Navigate to={homeRoute(catalog.user)} replace />} />
            {customPages.map((page) => (
              <Route key={page.name} path={`${page.route}/*`} element={<Guarded resource={page.name} action="list"><page.component /></Guarded>} />
            ))}
            {resourceOverrides.map((o) => (
              <Route key={`${o.resource}:${o.action}`} path={overridePath(o.resource, o.action)} element={<Guarded resource={o.resource} action={o.action}><o.component /></Guarded>} />
            ))}
            <Route path="/r/:resource" element={<Guarded action="list"><GeneratedList /></Guarded>} />
            <Route path="/r/:resource/create" element={<Guarded action="create"><GeneratedCreate /></Guarded>} />
            <Route path="/r/:resource/show/:id" element={<Guarded action="show"><GeneratedShow /></Guarded>} />
            <Route path="/r/:resource/edit/:id" element={<Guarded action="edit"><GeneratedEdit /></Guarded>} />
            <Route path="*" element={<ErrorComponent />} />
          </Route>
          <Route path="/login" element={<Navigate to="/" replace />} />
        </Routes>
        <UnsavedChangesNotifier />
        <DocumentTitleHandler handler={({ resource }) => `${resource?.meta?.label ?? ''} · Comptoir`} />
      </Refine>
    </SpecsContext.Provider>
  );
}

function overridePath(resource: string, action: string) {
  return action === 'list' ? base(resource) : action === 'create' ? `${base(resource)}/create` : `${base(resource)}/${action}/:id`;
}

function SignedOutApp() {
  return (
    <Refine authProvider={authProvider} routerProvider={routerProvider} i18nProvider={i18nProvider} options={{ disableTelemetry: true }}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    </Refine>
  );
}

export function App() {
  const state = useCatalog();
  return (
    <BrowserRouter>
      <ConfigProvider locale={getLocale() === 'fr' ? frFR : enGB} theme={{ token: { colorPrimary: '#8b3a3a' } }}>
        <AntdApp>
          {state.status === 'loading' && <Loading />}
          {state.status === 'signed-out' && <SignedOutApp />}
          {state.status === 'failed' && (
            <Result
              status="error" title="Comptoir" subTitle={state.message}
              extra={<Button onClick={() => supabase.auth.signOut().then(() => window.location.assign('/login'))}>{t('buttons.logout')}</Button>}
            />
          )}
          {state.status === 'ready' && <SignedInApp catalog={state.catalog} />}
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
