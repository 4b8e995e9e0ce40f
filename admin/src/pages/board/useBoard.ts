// The board's state: a page of recent orders and a count per column, the late-order count, the
// workflow, and moves made optimistically: the card moves at once, and goes back where it was with
// the database's reason when the update is refused.
import { useCallback, useEffect, useRef, useState } from 'react';
import { supabase } from '../../supabase.ts';
import { countLate, fetchColumn, fetchTransitions, moveOrder, type BoardFilters, type BoardOrder } from './queries.ts';
import { emptyColumns, placeCard, snapBack, type Columns as ColumnsOf } from './columns.ts';
import { BOARD_STATUSES, type BoardStatus, type Transitions } from './statuses.ts';

type Columns = ColumnsOf<BoardOrder>;

export interface Refusal {
  number: string;
  from: string;
  to: string;
  message: string;
}

export function useBoard(filters: BoardFilters) {
  const [columns, setColumns] = useState<Columns>(() => emptyColumns<BoardOrder>());
  const [late, setLate] = useState(0);
  const [transitions, setTransitions] = useState<Transitions>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const [loaded, lateCount] = await Promise.all([
        Promise.all(BOARD_STATUSES.map((status) => fetchColumn(supabase, status, filters))),
        countLate(supabase, filters),
      ]);
      if (mine !== generation.current) return;
      setColumns(Object.fromEntries(BOARD_STATUSES.map((status, i) => [status, loaded[i]])) as unknown as Columns);
      setLate(lateCount);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    fetchTransitions(supabase).then(setTransitions, (e: Error) => setError(e.message));
  }, []);

  const move = useCallback(async (order: BoardOrder, to: BoardStatus) => {
    const from = order.status as BoardStatus;
    if (from === to || moving) return;
    setRefusal(null);
    setMoving(order.id);
    setColumns((current) => placeCard(current, order, to));
    const outcome = await moveOrder(supabase, order.id, to);
    if (!outcome.ok) {
      // Snap back: the card returns to its column (at its place by date) with the reason shown.
      setColumns((current) => snapBack(current, order, from));
      setRefusal({ number: order.number, from, to, message: outcome.message });
    } else {
      if (from === 'pending' || to === 'pending') setLate(await countLate(supabase, filters).catch(() => late));
    }
    setMoving(null);
  }, [filters, late, moving]);

  return { columns, late, transitions, loading, error, refusal, clearRefusal: () => setRefusal(null), move, moving, reload: load };
}

