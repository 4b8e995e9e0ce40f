// Passwords as GoTrue stores them: bcrypt, `$2a$` prefix, cost 10, so hashes move both ways
// between this stand-in and a hosted project. Strength rules follow GoTrue's checkPasswordStrength.
import bcrypt from 'bcryptjs';
import { badRequest, weakPassword } from './errors.ts';

const COST = 10;
const MAX_PASSWORD_BYTES = 72;

export async function hashPassword(password: string): Promise<string> {
  const salt = (await bcrypt.genSalt(COST)).replace(/^\$2b\$/, '$2a$');
  return bcrypt.hash(password, salt);
}

/** True when `password` matches a stored bcrypt hash; false for an empty or foreign hash. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]?\$\d\d\$/.test(hash)) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

export function checkPasswordStrength(password: string, minimumLength: number): void {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > MAX_PASSWORD_BYTES) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  if (bytes < minimumLength) {
    throw weakPassword(`Password should be at least ${minimumLength} characters.`, ['length']);
  }
}
