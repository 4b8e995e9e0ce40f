// The period (today, 7 days, 30 days, or a range) and the shops (all of mine, one or several).
import { useEffect, useState } from 'react';
import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { t } from '../../i18n/index.ts';
import { fetchShops, type ShopOption } from './api.ts';
import { presetPeriod, rangePeriod, type PeriodPreset } from './period.ts';
import type { Period } from './types.ts';

interface Props {
  preset: PeriodPreset;
  period: Period;
  shopIds: string[];
  onPeriod: (preset: PeriodPreset, period: Period) => void;
  onShops: (shopIds: string[]) => void;
}

export function DashboardFilters({ preset, period, shopIds, onPeriod, onShops }: Props) {
  const [shops, setShops] = useState<ShopOption[]>([]);
  useEffect(() => {
    fetchShops().then(setShops, () => setShops([]));
  }, []);
  return (
    <Space wrap size="middle">
      <Segmented<PeriodPreset>
        data-testid="dashboard-period"
        aria-label={t('dashboard.period.label')}
        value={preset}
        onChange={(next) => onPeriod(next, next === 'custom' ? period : presetPeriod(next))}
        options={(['today', 'days7', 'days30', 'custom'] as const).map((value) => ({ value, label: t(`dashboard.period.${value}`) }))}
      />
      {preset === 'custom' && (
        <DatePicker.RangePicker
          data-testid="dashboard-range"
          allowClear={false}
          value={[dayjs(period.start), dayjs(period.end)]}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          onChange={(range) => range?.[0] && range[1] && onPeriod('custom', rangePeriod(range[0], range[1]))}
        />
      )}
      <Select
        data-testid="dashboard-shops-select"
        aria-label={t('dashboard.shops.label')}
        mode="multiple"
        allowClear
        style={{ minWidth: 280 }}
        placeholder={t('dashboard.shops.placeholder')}
        value={shopIds}
        onChange={onShops}
        optionFilterProp="label"
        maxTagCount="responsive"
        options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
      />
    </Space>
  );
}
