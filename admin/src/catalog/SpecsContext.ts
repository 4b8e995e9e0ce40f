// Every ResourceSpec of the signed-in user, by name, for screens that follow foreign keys.
import { createContext, useContext } from 'react';
import type { ResourceSpec } from './spec.ts';
import type { CatalogUser } from './types.ts';

export interface SpecsValue {
  user: CatalogUser;
  specs: Map<string, ResourceSpec>;
}

export const SpecsContext = createContext<SpecsValue | null>(null);

export function useSpecs(): SpecsValue {
  const value = useContext(SpecsContext);
  if (!value) throw new Error('useSpecs() outside the signed-in admin');
  return value;
}
