// Filters of the board: shops, channels, and the days the orders were placed.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { t, valueLabel } from '../../i18n/index.ts';
import { supabase } from '../../supabase.ts';
import { fetchShopOptions, type BoardFilters as Filters } from './queries.ts';
import { CHANNELS } from './statuses.ts';

export function BoardFilters({ value, onChange, onRefresh }: { value: Filters; onChange: (next: Filters) => void; onRefresh: () => void }) {
  const [shops, setShops] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    fetchShopOptions(supabase).then(setShops, () => setShops([]));
  }, []);
  return (
    <Space wrap>
      <Select
        data-testid="board-filter-shops"
        aria-label={t('board.filters.shops')}
        mode="multiple"
        allowClear
        style={{ minWidth: 240 }}
        placeholder={t('board.filters.allShops')}
        value={value.shopIds}
        optionFilterProp="label"
        maxTagCount="responsive"
        onChange={(shopIds) => onChange({ ...value, shopIds })}
        options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
      />
      <Select
        data-testid="board-filter-channels"
        aria-label={t('board.filters.channels')}
        mode="multiple"
        allowClear
        style={{ minWidth: 200 }}
        placeholder={t('board.filters.allChannels')}
        value={value.channels}
        maxTagCount="responsive"
        onChange={(channels) => onChange({ ...value, channels })}
        options={CHANNELS.map((channel) => ({ value: channel, label: valueLabel('channel', channel, 'orders') }))}
      />
      <DatePicker.RangePicker
        data-testid="board-filter-dates"
        aria-label={t('board.filters.dates')}
        allowEmpty={[true, true]}
        placeholder={[t('board.filters.from'), t('board.filters.to')]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => onChange({ ...value, from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
      />
      <Button icon={<ReloadOutlined />} onClick={onRefresh} data-testid="board-refresh">{t('board.filters.refresh')}</Button>
    </Space>
  );
}
