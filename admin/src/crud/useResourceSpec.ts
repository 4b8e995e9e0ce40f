// The ResourceSpec of the resource the current route is about (set as Refine resource meta in App.tsx).
import { useResourceParams } from '@refinedev/core';
import type { ResourceSpec } from '../catalog/spec.ts';

export function useResourceSpec(): ResourceSpec | undefined {
  const { resource } = useResourceParams();
  return resource?.meta?.spec as ResourceSpec | undefined;
}
