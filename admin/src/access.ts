// What the signed-in user may do, for Refine's buttons, menu and routes: generated resources follow
// the catalog's `can` (the database's privileges and policies), custom pages their declared roles.
import type { AccessControlProvider } from '@refinedev/core';
import type { ResourceSpec } from './catalog/spec.ts';
import type { CatalogUser } from './catalog/types.ts';
import { customPages, resourceOverrides } from './pages/registry.tsx';

const ACTION_TO_PRIVILEGE: Record<string, keyof ResourceSpec['can']> = {
  list: 'select', show: 'select', export: 'select', create: 'insert', clone: 'insert', edit: 'update', delete: 'delete',
};

/** What the user may do, answered at once (route guards); Refine's provider below asks the same. */
export function canNow(user: CatalogUser, specs: Map<string, ResourceSpec>, resource: string | undefined, action: string): boolean {
  const hasRole = (roles: string[]) => roles.some((role) => user.roles.includes(role as CatalogUser['roles'][number]));
  if (resource?.startsWith('group:')) return true;
  const page = customPages.find((p) => p.name === resource);
  if (page) return hasRole(page.roles);
  const spec = resource ? specs.get(resource) : undefined;
  const privilege = ACTION_TO_PRIVILEGE[action];
  if (!spec || !privilege) return false;
  const override = resourceOverrides.find((o) => o.resource === resource && o.action === action);
  if (override && !hasRole(override.roles)) return false;
  return spec.can[privilege];
}

export function accessControl(user: CatalogUser, specs: Map<string, ResourceSpec>): AccessControlProvider {
  return {
    can: async ({ resource, action }) => ({ can: canNow(user, specs, resource, action) }),
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  };
}
