// The e-mails Comptoir sends, in French and English. Data fields are named like Supabase Auth's
// template variables ({{ .ConfirmationURL }}, {{ .Token }}, {{ .TokenHash }}, {{ .SiteURL }},
// {{ .Email }}, {{ .NewEmail }}), so Auth passes what GoTrue would, and the wording below can use
// the same {{ .Name }} placeholders.
import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const url = z.url({ protocol: /^https?$/ });
const token = z.string().min(1).max(200);

/** What one template says in one language; every string may use {{ .Field }} placeholders. */
export interface Copy {
  subject: string;
  heading: string;
  intro: string;
  /** Label of the button that opens {{ .ConfirmationURL }}. */
  action?: string;
  /** Sentence shown above the one-time code ({{ .Token }}). */
  codeIntro?: string;
  outro: string;
}

export interface Template<Schema extends z.ZodType = z.ZodType> {
  data: Schema;
  copy: Record<Locale, Copy>;
}

const ignore = {
  fr: 'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement cet e-mail.',
  en: 'If you did not ask for this, you can safely ignore this e-mail.',
};

export const templates = {
  confirmation: {
    data: z.object({ ConfirmationURL: url, Token: token, TokenHash: token.optional(), SiteURL: url, Email: z.email() }),
    copy: {
      fr: { subject: 'Confirmez votre adresse e-mail', heading: 'Confirmez votre adresse e-mail', intro: 'Bienvenue ! Pour activer le compte {{ .Email }}, confirmez votre adresse :', action: 'Confirmer mon adresse', codeIntro: 'Ou saisissez ce code :', outro: ignore.fr },
      en: { subject: 'Confirm your e-mail address', heading: 'Confirm your e-mail address', intro: 'Welcome! To activate the account {{ .Email }}, confirm your address:', action: 'Confirm my address', codeIntro: 'Or enter this code:', outro: ignore.en },
    },
  },
  'magic-link': {
    data: z.object({ ConfirmationURL: url, Token: token, TokenHash: token.optional(), SiteURL: url, Email: z.email() }),
    copy: {
      fr: { subject: 'Votre lien de connexion', heading: 'Connexion à Comptoir', intro: 'Cliquez sur le bouton pour vous connecter en tant que {{ .Email }} :', action: 'Me connecter', codeIntro: 'Ou saisissez ce code :', outro: ignore.fr },
      en: { subject: 'Your sign-in link', heading: 'Sign in to Comptoir', intro: 'Click the button to sign in as {{ .Email }}:', action: 'Sign in', codeIntro: 'Or enter this code:', outro: ignore.en },
    },
  },
  'one-time-code': {
    data: z.object({ Token: token, SiteURL: url, Email: z.email() }),
    copy: {
      fr: { subject: 'Votre code de connexion : {{ .Token }}', heading: 'Votre code de connexion', intro: 'Voici le code pour vous connecter en tant que {{ .Email }}.', codeIntro: 'Saisissez ce code :', outro: ignore.fr },
      en: { subject: 'Your sign-in code: {{ .Token }}', heading: 'Your sign-in code', intro: 'Here is the code to sign in as {{ .Email }}.', codeIntro: 'Enter this code:', outro: ignore.en },
    },
  },
  recovery: {
    data: z.object({ ConfirmationURL: url, Token: token, TokenHash: token.optional(), SiteURL: url, Email: z.email() }),
    copy: {
      fr: { subject: 'Réinitialisez votre mot de passe', heading: 'Réinitialisation du mot de passe', intro: 'Quelqu’un a demandé à changer le mot de passe de {{ .Email }}. Pour en choisir un nouveau :', action: 'Choisir un nouveau mot de passe', codeIntro: 'Ou saisissez ce code :', outro: ignore.fr },
      en: { subject: 'Reset your password', heading: 'Reset your password', intro: 'Someone asked to change the password of {{ .Email }}. To choose a new one:', action: 'Choose a new password', codeIntro: 'Or enter this code:', outro: ignore.en },
    },
  },
  'email-change': {
    data: z.object({ ConfirmationURL: url, Token: token, TokenHash: token.optional(), SiteURL: url, Email: z.email(), NewEmail: z.email() }),
    copy: {
      fr: { subject: 'Confirmez votre nouvelle adresse e-mail', heading: 'Changement d’adresse e-mail', intro: 'Pour remplacer {{ .Email }} par {{ .NewEmail }}, confirmez :', action: 'Confirmer le changement', codeIntro: 'Ou saisissez ce code :', outro: ignore.fr },
      en: { subject: 'Confirm your new e-mail address', heading: 'Change of e-mail address', intro: 'To replace {{ .Email }} with {{ .NewEmail }}, confirm:', action: 'Confirm the change', codeIntro: 'Or enter this code:', outro: ignore.en },
    },
  },
  invite: {
    data: z.object({ ConfirmationURL: url, Token: token.optional(), TokenHash: token.optional(), SiteURL: url, Email: z.email() }),
    copy: {
      fr: { subject: 'Vous êtes invité·e sur Comptoir', heading: 'Vous êtes invité·e', intro: 'Un compte Comptoir a été créé pour {{ .Email }}. Pour l’activer :', action: 'Accepter l’invitation', outro: ignore.fr },
      en: { subject: 'You have been invited to Comptoir', heading: 'You have been invited', intro: 'A Comptoir account was created for {{ .Email }}. To activate it:', action: 'Accept the invitation', outro: ignore.en },
    },
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof templates;
export type TemplateData<T extends TemplateName> = z.input<(typeof templates)[T]['data']>;
export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

/** Replaces {{ .Field }} with the field's value, passed through `escape`. */
export function fill(text: string, data: Record<string, unknown>, escape: (s: string) => string = (s) => s): string {
  return text.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, field: string) => escape(String(data[field] ?? '')));
}
