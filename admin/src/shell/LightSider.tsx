// The side menu, drawn straight from Refine's menu tree: the resources given to Refine are already
// only those the catalog lets the user read (and custom pages only for their roles), so the
// per-item access checks of Refine's ThemedSider (a query and a route match against every resource
// for each of ~70 items) are not needed; they cost a large share of every page load's first render.
import { Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useMenu, type TreeMenuItem } from '@refinedev/core';
import { Link } from 'react-router';
import { useState } from 'react';

function items(tree: TreeMenuItem[]): MenuProps['items'] {
  return tree.map((item) => item.children.length > 0
    ? { key: item.key, icon: item.meta?.icon ?? <UnorderedListOutlined />, label: item.label ?? item.name, children: items(item.children) }
    : { key: item.key, icon: item.meta?.icon, label: <Link to={item.list ?? ''}>{item.label ?? item.name}</Link> });
}

export function LightSider() {
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
      <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 16px', fontWeight: 600 }}>Comptoir</div>
      <Menu mode="inline" selectedKeys={selectedKey ? [selectedKey] : []} defaultOpenKeys={defaultOpenKeys} items={items(menuItems)} />
    </Layout.Sider>
  );
}
