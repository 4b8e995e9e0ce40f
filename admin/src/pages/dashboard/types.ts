// What the dashboard RPCs return (supabase/migrations/20261206120200_dashboard.sql).

/** One set of figures; money in minor units of the line's currency. */
export interface Figures {
  orders: number;
  revenue_cents: number;
  net_sales_cents: number;
  cost_cents: number;
  margin_cents: number;
  average_basket_cents: number;
  /** Items sold without a known cost (the margin leaves them out, so it is overstated). */
  uncosted_items: number;
  cancelled: number;
}

export interface PeriodFigures {
  current: Figures;
  previous: Figures;
  today: Figures;
}

export interface Summary {
  period: { start: string; end: string };
  previous: { start: string; end: string };
  today: string;
  totals: Array<PeriodFigures & { currency: string }>;
  shops: Array<PeriodFigures & { shop_id: string; code: string; name: string; currency: string }>;
}

export interface SeriesRow {
  shop_id: string;
  shop_name: string;
  day: string;
  currency: string;
  orders: number;
  revenue_cents: number;
  margin_cents: number;
}

export interface Anomaly {
  shop_id: string;
  shop_name: string;
  currency: string;
  recent_revenue_cents: number;
  usual_revenue_cents: number;
  ratio: number;
  recent_orders: number;
  usual_orders: number;
  recent_start: string;
  recent_end: string;
}

export interface StockAlert {
  variant_id: string;
  sku: string;
  product_id: string;
  product_name: string;
  quantity: number;
  low_stock_threshold: number;
}

export interface StockAlerts {
  count: number;
  rows: StockAlert[];
}

export interface Period {
  start: string;
  end: string;
}
