// The board's columns, in workflow order. Drafts (orders still being taken) have no column: they
// are not placed yet.
export const BOARD_STATUSES = ['pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid', 'cancelled'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const CHANNELS = ['web', 'whatsapp', 'instagram', 'messenger', 'tiktok', 'email', 'phone', 'marketplace', 'pos', 'manual'] as const;

/** Orders pending longer than this are flagged. */
export const LATE_AFTER_MS = 24 * 60 * 60 * 1000;

/** How many of the most recent orders each column shows. */
export const COLUMN_PAGE = 20;

/** The workflow as data (public.order_status_transitions): from → the statuses it may go to. */
export type Transitions = Map<string, Set<string>>;

export function isLate(order: { status: string; placed_at: string | null }, now = Date.now()): boolean {
  return order.status === 'pending' && order.placed_at !== null && now - new Date(order.placed_at).getTime() > LATE_AFTER_MS;
}
