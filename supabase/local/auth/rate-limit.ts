// Rate limits as Supabase configures them ([auth.rate_limit] in config.toml): a token bucket
// holding `limit` requests, refilled continuously over `windowSeconds`. Per client IP address for
// requests (429 over_request_rate_limit), one bucket for the whole project for e-mails sent
// (429 over_email_send_rate_limit), like GoTrue's limiters.
import type { IncomingMessage } from 'node:http';
import type { SupabaseConfig } from '../config.ts';
import { tooManyRequests } from './errors.ts';

export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string, now = Date.now()): boolean {
    if (this.limit <= 0) return false;
    const ratePerMs = this.limit / (this.windowSeconds * 1000);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, at: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now, ratePerMs);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private forgetFull(now: number, ratePerMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * ratePerMs >= this.limit) this.buckets.delete(key);
    }
  }
}

export interface RateLimits {
  /** /signup, /otp, /magiclink, /recover, /resend: `sign_in_sign_ups` per 5 minutes per IP. */
  signInSignUps: TokenBucket;
  /** /token (password and refresh_token grants): `token_refresh` per 5 minutes per IP. */
  token: TokenBucket;
  /** /verify: `token_verifications` per 5 minutes per IP. */
  verify: TokenBucket;
  /** Every e-mail sent: `email_sent` per hour for the project. */
  email: TokenBucket;
}

export function createRateLimits(config: SupabaseConfig): RateLimits {
  const limits = config.auth.rate_limit;
  return {
    signInSignUps: new TokenBucket(limits.sign_in_sign_ups, 300),
    token: new TokenBucket(limits.token_refresh, 300),
    verify: new TokenBucket(limits.token_verifications, 300),
    email: new TokenBucket(limits.email_sent, 3600),
  };
}

/** The caller's address: the first X-Forwarded-For entry (set by the proxy in front), else the socket's. */
export function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress?.replace(/^::ffff:/, '') || '127.0.0.1';
}

export function limitRequest(bucket: TokenBucket, req: IncomingMessage): void {
  if (!bucket.take(clientIp(req))) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
}

export function limitEmail(limits: RateLimits): void {
  if (!limits.email.take('project')) throw tooManyRequests('over_email_send_rate_limit', 'Email rate limit exceeded');
}

/** Per address: one e-mail of a kind per `max_frequency` (GoTrue's SMTP max frequency). */
export function limitFrequency(lastSentAt: Date | null, maxFrequencySeconds: number, now = Date.now()): void {
  if (!lastSentAt) return;
  const nextAllowed = lastSentAt.getTime() + maxFrequencySeconds * 1000;
  if (now < nextAllowed) {
    const left = Math.floor((nextAllowed - now) / 1000);
    throw tooManyRequests('over_email_send_rate_limit', `For security purposes, you can only request this after ${left} seconds.`);
  }
}
