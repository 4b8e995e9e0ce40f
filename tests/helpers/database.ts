// Throw-away databases in the test cluster, for tests that start a stack of their own.
import { sql, DATABASE_URL } from './env.ts';

export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  await sql(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql(`drop database if exists ${name} with (force)`);
    },
  };
}
