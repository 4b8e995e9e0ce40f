// FieldSpecs for the generated-CRUD logic tests: a column as derive.ts would describe it, with only
// what a test cares about spelled out.
import type { FieldSpec } from '../../admin/src/catalog/spec.ts';

export function field(name: string, overrides: Partial<FieldSpec> = {}): FieldSpec {
  return {
    name, label: name, help: null, widget: 'text', type: 'text', elementWidget: null, enumValues: null,
    required: false, nullable: true, readOnlyOnCreate: false, readOnlyOnEdit: false, omitOnCreate: false,
    hidden: false, order: 0, sortable: true, filter: 'text', maxLength: null, reference: null, currency: null, bucket: null,
    ...overrides,
  };
}

/** In-memory Web Storage, for saved views. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, String(value)); }
  removeItem(key: string) { this.items.delete(key); }
}
