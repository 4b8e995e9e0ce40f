// Turns a template, a locale and its data into { subject, html, text }: the HTML from MJML (mjml 5
// renders asynchronously), the text part from the same copy, so both always say the same thing.
import mjml2html from 'mjml';
import { fill, templates, type Copy, type Locale, type TemplateData, type TemplateName } from './templates.ts';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<T extends TemplateName>(template: T, locale: Locale, input: TemplateData<T>): Promise<RenderedEmail> {
  const definition = templates[template];
  const data = definition.data.parse(input) as Record<string, unknown>;
  const copy: Copy = definition.copy[locale];
  const html = (s: string) => fill(s, data, escapeHtml);
  const plain = (s: string) => fill(s, data);
  const link = copy.action && typeof data.ConfirmationURL === 'string' ? data.ConfirmationURL : undefined;
  const code = copy.codeIntro && typeof data.Token === 'string' ? data.Token : undefined;

  const mjml = `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${html(copy.subject)}</mj-title>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#222" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section><mj-column><mj-text font-size="13px" color="#666">Comptoir</mj-text></mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="22px" line-height="28px" font-weight="bold">${html(copy.heading)}</mj-text>
        <mj-text>${html(copy.intro)}</mj-text>
        ${link ? `<mj-button href="${escapeHtml(link)}" background-color="#1f2937" color="#ffffff" align="left">${html(copy.action!)}</mj-button>
        <mj-text font-size="12px" color="#666"><a href="${escapeHtml(link)}" style="color:#666">${escapeHtml(link)}</a></mj-text>` : ''}
        ${code ? `<mj-text>${html(copy.codeIntro!)}</mj-text>
        <mj-text font-size="28px" letter-spacing="4px" font-family="Menlo, Consolas, monospace">${escapeHtml(code)}</mj-text>` : ''}
        <mj-divider border-width="1px" border-color="#e5e7eb" />
        <mj-text font-size="12px" color="#666">${html(copy.outro)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const result = await mjml2html(mjml, { validationLevel: 'strict' });

  const text = [
    plain(copy.heading),
    '',
    plain(copy.intro),
    ...(link ? ['', `${plain(copy.action!)}${locale === 'fr' ? ' :' : ':'} ${link}`] : []),
    ...(code ? ['', `${plain(copy.codeIntro!)} ${code}`] : []),
    '',
    plain(copy.outro),
    '',
  ].join('\n');
  return { subject: plain(copy.subject), html: result.html, text };
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
