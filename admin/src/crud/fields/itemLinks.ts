// What antd's Form.Item gives its child besides value / onChange: the `id` its <label for> points at,
// and the aria-* attributes tying the input to its help and error text. Every input of the generated
// forms forwards them to its focusable element, so that clicking a label focuses its input and a
// screen reader reads a field's error with it.
export interface ItemLinks {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true' | boolean;
  'aria-required'?: 'true' | boolean;
}

/** Only the links out of a component's props (so that nothing else is spread onto an input). */
export function itemLinks(props: ItemLinks): ItemLinks {
  const links: ItemLinks = {};
  if (props.id !== undefined) links.id = props.id;
  if (props['aria-describedby'] !== undefined) links['aria-describedby'] = props['aria-describedby'];
  if (props['aria-invalid'] !== undefined) links['aria-invalid'] = props['aria-invalid'];
  if (props['aria-required'] !== undefined) links['aria-required'] = props['aria-required'];
  return links;
}
