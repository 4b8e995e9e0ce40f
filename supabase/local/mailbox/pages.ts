// The mailbox's pages for a browser: the list of messages, and one message with its HTML (in a
// sandboxed frame whose links open in a new tab) and its text (links made clickable).
import type { MessageSummary, StoredMessage } from './store.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2937;background:#f9fafb}
header{background:#111827;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}main{padding:16px 20px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
tr:hover td{background:#f3f4f6}.muted{color:#6b7280;font-size:12px}iframe{width:100%;height:70vh;border:1px solid #e5e7eb;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #e5e7eb;padding:12px}nav a{margin-right:12px}form{display:inline}
input{padding:4px 6px}button{padding:4px 10px;cursor:pointer}`;

export function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><header><a href="/">Comptoir mailbox</a><span class="muted">every e-mail the local stack sends</span></header><main>${body}</main></body></html>`;
}

export function listPage(messages: MessageSummary[], to: string | undefined): string {
  const rows = messages
    .map((m) => `<tr><td><a href="/messages/${encodeURIComponent(m.id)}">${escape(m.subject || '(no subject)')}</a><div class="muted">${escape(m.snippet)}</div></td>
<td>${escape(m.to.join(', '))}</td><td>${escape(m.from)}</td><td class="muted">${escape(m.receivedAt.replace('T', ' ').slice(0, 19))}</td></tr>`)
    .join('\n');
  return page('Mailbox', `<form method="get" action="/"><input name="to" placeholder="filter by recipient" value="${escape(to ?? '')}"> <button>Filter</button></form>
<form method="post" action="/delete-all${to ? `?to=${encodeURIComponent(to)}` : ''}"><button>Delete ${to ? 'these' : 'all'}</button></form>
<p class="muted">${messages.length} message(s)</p>
<table><tr><th>Subject</th><th>To</th><th>From</th><th>Received</th></tr>${rows || '<tr><td colspan="4">No messages yet.</td></tr>'}</table>`);
}

export function messagePage(message: StoredMessage, view: 'html' | 'text'): string {
  const id = encodeURIComponent(message.id);
  const content =
    view === 'html' && message.html
      ? `<iframe src="/messages/${id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" title="HTML part"></iframe>`
      : `<pre>${linkify(message.text || '(no text part)')}</pre>`;
  return page(message.subject, `<h2>${escape(message.subject || '(no subject)')}</h2>
<p>From <b>${escape(message.from)}</b> to <b>${escape(message.to.join(', '))}</b><br><span class="muted">${escape(message.receivedAt)} · id ${escape(message.id)}</span></p>
<nav><a href="/messages/${id}">HTML</a><a href="/messages/${id}?view=text">Text</a><a href="/api/v1/messages/${id}">JSON</a>
<form method="post" action="/messages/${id}/delete"><button>Delete</button></form></nav>
${content}`);
}

/** The HTML part as sent, opening its links in a new tab. */
export function htmlPart(message: StoredMessage): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(message.html) ? message.html.replace(/<head([^>]*)>/i, `<head$1>${base}`) : base + message.html;
}

function linkify(text: string): string {
  return escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" target="_blank" rel="noopener">${url}</a>`);
}

/** Every href in an HTML part, entities decoded: what tests follow. */
export function linksOf(html: string): string[] {
  const links = [...html.matchAll(/href="([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'"));
  return [...new Set(links.filter((l) => /^https?:/i.test(l)))];
}
