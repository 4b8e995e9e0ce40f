// Where Auth may send a browser back to (GoTrue's GetReferrer / IsRedirectURLValid): a URL on the
// site_url's host, or one matching an entry of additional_redirect_urls (globs where `*` stops at
// `.` and `/`, `**` does not); anything else falls back to site_url.
import type { IncomingMessage } from 'node:http';
import type { SupabaseConfig } from '../config.ts';

export function isRedirectAllowed(config: SupabaseConfig, candidate: string): boolean {
  if (!candidate) return false;
  let target: URL;
  try {
    target = new URL(candidate);
  } catch {
    return false;
  }
  try {
    if (new URL(config.auth.site_url).hostname === target.hostname) return true;
  } catch {
    // a site_url that is not a URL matches nothing
  }
  return config.auth.additional_redirect_urls.some((pattern) => globToRegExp(pattern).test(candidate));
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') {
      source += '[^./]*';
    } else if (ch === '?') {
      source += '[^./]';
    } else {
      source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** The redirect_to of the request (query string, else body value, else Referer) if allowed, else site_url. */
export function referrer(config: SupabaseConfig, req: IncomingMessage, url: URL, bodyValue = ''): string {
  for (const candidate of [url.searchParams.get('redirect_to') ?? '', bodyValue, req.headers.referer ?? '']) {
    if (isRedirectAllowed(config, candidate)) return candidate;
  }
  return config.auth.site_url;
}
