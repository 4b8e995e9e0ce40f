// The board's columns as data, and the two moves a card makes on them: to another column when it is
// dropped (at the top, as the latest news), and back to its own when the database refuses (at its
// place by date). Pure, so that it is tested without a browser (tests/admin/board.test.ts).
import { BOARD_STATUSES, type BoardStatus } from './statuses.ts';

export interface Card {
  id: string;
  status: string;
  placed_at: string | null;
}

export interface Column<C extends Card = Card> {
  /** A page of the most recent orders of the status (fewer than total when there are more). */
  rows: C[];
  /** How many orders of the status match the filters. */
  total: number;
}

export type Columns<C extends Card = Card> = Record<BoardStatus, Column<C>>;

export function emptyColumns<C extends Card>(): Columns<C> {
  return Object.fromEntries(BOARD_STATUSES.map((status) => [status, { rows: [], total: 0 }])) as unknown as Columns<C>;
}

/** The card taken out of whichever column holds it and put on top of `status`'s, counts following. */
export function placeCard<C extends Card>(columns: Columns<C>, card: C, status: BoardStatus): Columns<C> {
  const next = { ...columns };
  const source = BOARD_STATUSES.find((s) => columns[s].rows.some((row) => row.id === card.id));
  if (source) next[source] = { rows: columns[source].rows.filter((row) => row.id !== card.id), total: columns[source].total - 1 };
  next[status] = { rows: [{ ...card, status }, ...next[status].rows], total: next[status].total + 1 };
  return next;
}

/** The card back in `status`'s column, where its date puts it (newest first), as it was before the move. */
export function snapBack<C extends Card>(columns: Columns<C>, card: C, status: BoardStatus): Columns<C> {
  const next = placeCard(columns, card, status);
  next[status] = { ...next[status], rows: [...next[status].rows].sort(newestFirst) };
  return next;
}

function newestFirst(a: Card, b: Card): number {
  return (b.placed_at ?? '').localeCompare(a.placed_at ?? '') || b.id.localeCompare(a.id);
}
