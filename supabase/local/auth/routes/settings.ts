// GET /settings, /health and /.well-known/jwks.json, shaped like GoTrue's.
import type { AuthContext, Request } from '../context.ts';
import { reply } from '../context.ts';

const EXTERNAL_PROVIDERS = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'figma', 'fly', 'github', 'gitlab', 'google',
  'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos', 'twitch',
  'twitter', 'email', 'phone', 'zoom',
];

export function settings(ctx: AuthContext, r: Request): void {
  const { auth } = ctx.config;
  const external: Record<string, boolean> = {};
  for (const provider of EXTERNAL_PROVIDERS) external[provider] = false;
  external.anonymous_users = auth.enable_anonymous_sign_ins;
  external.email = auth.email.enable_signup;
  reply(r, 200, {
    external,
    disable_signup: !auth.enable_signup,
    mailer_autoconfirm: !auth.email.enable_confirmations,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  });
}

export function health(_ctx: AuthContext, r: Request): void {
  reply(r, 200, { version: 'comptoir-local', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
}

/** Access tokens are signed with the shared HS256 secret, which is never published: no public keys. */
export function jwks(_ctx: AuthContext, r: Request): void {
  reply(r, 200, { keys: [] });
}
