// Who a Storage request runs as: the claims of the JWT in the Authorization header, verified with
// the project's secret (storage-api uses jose, whose messages it passes through). Without an
// Authorization header, the apikey's claims (as Supabase's gateway forwards the key), else anon's.
import type { IncomingMessage } from 'node:http';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ERRORS } from './errors.ts';

export interface Caller {
  role: string;
  claims: Record<string, unknown>;
  jwt: string;
  /** `sub` when it is a user id (uuid): what storage-api writes as `owner`. */
  owner: string | null;
  ownerId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Tokens {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly anonKey: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.key);
    return payload;
  }

  /** The caller of an authenticated route; a bad or expired token is storage-api's AccessDenied. */
  async caller(req: IncomingMessage): Promise<Caller> {
    const header = req.headers.authorization;
    const apikey = Array.isArray(req.headers.apikey) ? req.headers.apikey[0] : req.headers.apikey;
    const token = header === undefined ? (apikey ?? this.anonKey) : header.replace(/^Bearer\s+/i, '').trim();
    let claims: JWTPayload;
    try {
      claims = await this.verify(token);
    } catch (error) {
      throw ERRORS.accessDenied((error as Error).message);
    }
    const role = typeof claims.role === 'string' ? claims.role : 'anon';
    const sub = typeof claims.sub === 'string' ? claims.sub : null;
    return {
      role,
      claims: { ...claims, role },
      jwt: token,
      owner: sub && UUID.test(sub) ? sub : null,
      ownerId: sub,
    };
  }

  /** A signed-URL token: `{ url, ...extra }`, expiring in `expiresIn` seconds. */
  sign(payload: Record<string, unknown>, expiresIn: number): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
      .sign(this.key);
  }

  /** Checks a signed-URL token against the path it is used for (storage-api's InvalidJWT / InvalidSignature). */
  async verifySigned(token: string, url: string): Promise<JWTPayload & { url: string }> {
    let payload: JWTPayload;
    try {
      payload = await this.verify(token);
    } catch (error) {
      throw ERRORS.invalidJwt((error as Error).message);
    }
    if (payload.url !== url) throw ERRORS.invalidSignature();
    return payload as JWTPayload & { url: string };
  }
}
