// Custom pages, declared like resources: where generated screens are not enough. Each is loaded only
// when opened (React.lazy), so its charts or drag-and-drop code stay out of the initial bundle.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { AppstoreOutlined, DashboardOutlined, ShopOutlined } from '@ant-design/icons';
import type { CatalogUser } from '../catalog/types.ts';

type Role = CatalogUser['roles'][number];

export interface CustomPage {
  /** Refine resource name (also used by the access control provider). */
  name: string;
  /** Route of the page's main screen. */
  route: string;
  /** i18n key of its menu label. */
  labelKey: string;
  group: string;
  icon: ReactNode;
  /** The roles that see it in the menu and may open it. */
  roles: Role[];
  component: LazyExoticComponent<ComponentType>;
}

/** A custom screen replacing one generated action of a table's resource. */
export interface ResourceOverride {
  resource: string;
  action: 'list' | 'show' | 'create' | 'edit';
  roles: Role[];
  component: LazyExoticComponent<ComponentType>;
}

export const customPages: CustomPage[] = [
  {
    name: 'dashboard', route: '/dashboard', labelKey: 'dashboard.title', group: 'overview', icon: <DashboardOutlined />,
    roles: ['admin', 'staff'], component: lazy(() => import('./dashboard/DashboardPage.tsx')),
  },
  {
    name: 'order-board', route: '/board', labelKey: 'board.title', group: 'sales', icon: <AppstoreOutlined />,
    roles: ['admin', 'staff'], component: lazy(() => import('./board/OrderBoardPage.tsx')),
  },
  {
    name: 'supplier-portal', route: '/supplier', labelKey: 'supplier.title', group: 'overview', icon: <ShopOutlined />,
    roles: ['supplier'], component: lazy(() => import('./supplier/SupplierHomePage.tsx')),
  },
];

export const resourceOverrides: ResourceOverride[] = [
  { resource: 'orders', action: 'show', roles: ['admin', 'staff'], component: lazy(() => import('./orders/OrderDetailPage.tsx')) },
];

/** Where a user lands after signing in. */
export function homeRoute(user: CatalogUser): string {
  const page = customPages.find((p) => p.roles.some((role) => user.roles.includes(role)));
  return page?.route ?? '/r/products';
}
