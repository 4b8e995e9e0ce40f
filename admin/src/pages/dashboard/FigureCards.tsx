// The four headline figures of a period (one row per currency), each with its change against the
// previous period of the same length.
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { formatDate, formatMoney, formatNumber, t } from '../../i18n/index.ts';
import { change, formatPercent } from './format.ts';
import type { Figures, Summary } from './types.ts';

type Key = 'revenue' | 'orders' | 'basket' | 'margin';

const FIGURES: Array<{ key: Key; value: (f: Figures) => number; money: boolean; help?: string }> = [
  { key: 'revenue', value: (f) => f.revenue_cents, money: true, help: 'dashboard.figures.revenueHelp' },
  { key: 'orders', value: (f) => f.orders, money: false },
  { key: 'basket', value: (f) => f.average_basket_cents, money: true },
  { key: 'margin', value: (f) => f.margin_cents, money: true, help: 'dashboard.figures.marginHelp' },
];

function Change({ current, previous }: { current: number; previous: number }) {
  const ratio = change(current, previous);
  if (ratio === null) return <Typography.Text type="secondary">{t('dashboard.figures.noPrevious')}</Typography.Text>;
  const up = ratio >= 0;
  return (
    <Typography.Text style={{ color: up ? '#389e0d' : '#cf1322' }}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatPercent(ratio, true)}{' '}
      <Typography.Text type="secondary">{t('dashboard.figures.vsPrevious')}</Typography.Text>
    </Typography.Text>
  );
}

export function FigureCards({ summary }: { summary: Summary }) {
  const lines = summary.totals.length
    ? summary.totals
    : [{ currency: summary.shops[0]?.currency ?? 'EUR', current: zero(), previous: zero(), today: zero() }];
  return (
    <>
      {lines.map((line) => (
        <div key={line.currency} data-testid={`dashboard-figures-${line.currency}`}>
          {lines.length > 1 && <Typography.Title level={5}>{t('dashboard.figures.currency', { currency: line.currency })}</Typography.Title>}
          <Row gutter={[16, 16]}>
            {FIGURES.map((figure) => (
              <Col xs={24} sm={12} xl={6} key={figure.key}>
                <Card size="small" data-testid={`dashboard-figure-${figure.key}`}>
                  <Statistic
                    title={
                      <span>
                        {t(`dashboard.figures.${figure.key}`)}{' '}
                        {figure.help && <Tooltip title={t(figure.help)}><InfoCircleOutlined /></Tooltip>}
                      </span>
                    }
                    value={figure.value(line.current)}
                    formatter={(value) => (figure.money ? formatMoney(Number(value), line.currency) : formatNumber(Number(value)))}
                  />
                  <Change current={figure.value(line.current)} previous={figure.value(line.previous)} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('dashboard.period.range', { start: formatDate(summary.period.start), end: formatDate(summary.period.end) })}{' '}
            {t('dashboard.period.previous', { start: formatDate(summary.previous.start), end: formatDate(summary.previous.end) })}
            {line.current.cancelled > 0 && <> · {t('dashboard.figures.cancelled', { count: line.current.cancelled })}</>}
            {line.current.uncosted_items > 0 && <> · {t('dashboard.figures.uncosted', { count: line.current.uncosted_items })}</>}
          </Typography.Paragraph>
        </div>
      ))}
    </>
  );
}

/** Today's figures, whatever the period. */
export function TodayLine({ summary }: { summary: Summary }) {
  return (
    <Card size="small" title={`${t('dashboard.today.title')} · ${formatDate(summary.today)}`} data-testid="dashboard-today">
      {(summary.totals.length ? summary.totals : []).map((line) => (
        <div key={line.currency}>
          {t('dashboard.today.line', {
            orders: formatNumber(line.today.orders),
            revenue: formatMoney(line.today.revenue_cents, line.currency),
            margin: formatMoney(line.today.margin_cents, line.currency),
          })}
        </div>
      ))}
      {!summary.totals.length && t('dashboard.today.line', { orders: 0, revenue: formatMoney(0), margin: formatMoney(0) })}
    </Card>
  );
}

function zero(): Figures {
  return { orders: 0, revenue_cents: 0, net_sales_cents: 0, cost_cents: 0, margin_cents: 0, average_basket_cents: 0, uncosted_items: 0, cancelled: 0 };
}
