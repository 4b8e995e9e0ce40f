// Columns and rows the export writer tests share: one of each kind a list can show.
import type { ExportColumn } from '../../admin/src/export/columns.ts';

export const COLUMNS: ExportColumn[] = [
  { name: 'name', label: 'Nom', kind: 'text', currency: null },
  { name: 'price_cents', label: 'Prix', kind: 'money', currency: { column: 'currency' } },
  { name: 'quantity', label: 'Quantité', kind: 'number', currency: null },
  { name: 'active', label: 'Actif', kind: 'boolean', currency: null },
  { name: 'created_at', label: 'Créé le', kind: 'datetime', currency: null },
  { name: 'due_on', label: 'Échéance', kind: 'date', currency: null },
  { name: 'tags', label: 'Étiquettes', kind: 'json', currency: null },
];

export const ROWS = [
  { name: 'Vin rouge, "Cuvée" 2024', price_cents: 123456, currency: 'EUR', quantity: 12, active: true,
    created_at: '2026-03-01T09:30:00.123456+00:00', due_on: '2026-03-31', tags: ['bio', 'rouge'] },
  { name: 'Line\nbreak', price_cents: 500, currency: 'JPY', quantity: 0, active: false, created_at: null, due_on: null, tags: [] },
  { name: null, price_cents: null, currency: 'EUR', quantity: null, active: null, created_at: null, due_on: null, tags: null },
];
