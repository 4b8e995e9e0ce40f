// Every template renders in French and English from MJML, with the Supabase-named data it needs,
// and refuses data it cannot use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES, TEMPLATE_NAMES, renderEmail, sendEmailNow } from '../../jobs/mail/index.ts';
import { mailboxTransport } from '../../jobs/mail/transports/mailbox.ts';

const data = {
  ConfirmationURL: 'https://shop.example/auth/v1/verify?token=t0k&type=signup&redirect_to=https%3A%2F%2Fshop.example%2F',
  Token: '246810',
  TokenHash: 't0k',
  SiteURL: 'https://shop.example',
  Email: 'claire@example.com',
  NewEmail: 'claire.new@example.com',
};

test('each template renders in each locale: subject, HTML from MJML and a text part that say the same', async () => {
  for (const template of TEMPLATE_NAMES) {
    for (const locale of LOCALES) {
      const email = await renderEmail(template, locale, data as never);
      const where = `${template}/${locale}`;
      assert.ok(email.subject.length > 5, where);
      assert.match(email.html, new RegExp(`<html lang="${locale}"`), where);
      assert.doesNotMatch(email.html + email.text + email.subject, /\{\{|<mj-/, `${where}: unfilled placeholder or MJML tag`);
      assert.ok(email.text.includes('claire@example.com'), where);
      if (template !== 'one-time-code') {
        assert.ok(email.text.includes(data.ConfirmationURL), where);
        assert.ok(email.html.includes(data.ConfirmationURL.replaceAll('&', '&amp;')), where);
      }
      if (template !== 'invite') assert.ok(email.text.includes('246810') && email.html.includes('246810'), where);
      if (template === 'email-change') assert.ok(email.text.includes('claire.new@example.com'), where);
    }
  }
});

test('values are escaped in HTML and left as they are in text', async () => {
  const email = await renderEmail('one-time-code', 'en', { Token: '<b>1</b>', SiteURL: 'https://shop.example', Email: 'a+b@example.com' });
  assert.ok(email.html.includes('&lt;b&gt;1&lt;/b&gt;'));
  assert.ok(!email.html.includes('<b>1</b>'));
  assert.equal(email.subject, 'Your sign-in code: <b>1</b>');
});

test('a template refuses data it cannot render, naming each field', async () => {
  await assert.rejects(renderEmail('recovery', 'fr', { Token: '1', SiteURL: 'ftp://x', Email: 'nope' } as never), (error: Error) => {
    assert.match(error.message, /ConfirmationURL/);
    assert.match(error.message, /SiteURL/);
    assert.match(error.message, /Email/);
    return true;
  });
});

test('sendEmailNow renders and delivers at once, without a job', async () => {
  const mailbox = process.env.COMPTOIR_MAILBOX_URL!;
  const to = `now-${Date.now()}@example.com`;
  const result = await sendEmailNow({ to, template: 'invite', locale: 'fr', data: { ...data, Email: to }, dedupeKey: `invite-${to}` }, mailboxTransport(mailbox));
  assert.equal(result.providerMessageId, `invite-${to}`);
  const message = (await (await fetch(`${mailbox}/api/v1/messages/invite-${to}`)).json()) as { subject: string };
  assert.equal(message.subject, 'Vous êtes invité·e sur Comptoir');
});
