// The mailbox's messages: one JSON file each under <data dir>/mailbox/, so they survive restarts.
// A message posted again with the same id (the sender's dedupe key) is kept once.
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';

export interface StoredMessage {
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  receivedAt: string;
}

export type MessageSummary = Omit<StoredMessage, 'html' | 'text'> & { snippet: string };

export interface NewMessage {
  id?: string;
  messageId?: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
}

export class MessageStore {
  constructor(readonly dir: string) {}

  /** Stores the message unless one with its id exists; tells which happened. */
  async add(input: NewMessage): Promise<{ message: StoredMessage; duplicate: boolean }> {
    await mkdir(this.dir, { recursive: true });
    const id = input.id ? safeId(input.id) : randomUUID();
    const existing = await this.get(id);
    if (existing) return { message: existing, duplicate: true };
    const message: StoredMessage = {
      id,
      messageId: input.messageId ?? null,
      from: input.from,
      to: input.to,
      subject: input.subject,
      html: input.html ?? '',
      text: input.text ?? '',
      receivedAt: new Date().toISOString(),
    };
    // Written aside, then linked into place: readers never see half a file, and of two senders
    // racing with one id, exactly one link succeeds.
    const file = this.file(id);
    const partial = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(partial, JSON.stringify(message, null, 2));
    try {
      await link(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return { message: (await this.get(id))!, duplicate: true };
    } finally {
      await rm(partial, { force: true });
    }
    return { message, duplicate: false };
  }

  async get(id: string): Promise<StoredMessage | undefined> {
    try {
      return JSON.parse(await readFile(this.file(safeId(id)), 'utf8')) as StoredMessage;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Newest first; `to` keeps the messages sent to that address (case-insensitive). */
  async list(filter: { to?: string } = {}): Promise<MessageSummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const wanted = filter.to?.toLowerCase();
    const messages = await Promise.all(names.map((n) => readFile(join(this.dir, n), 'utf8').then((t) => JSON.parse(t) as StoredMessage).catch(() => undefined)));
    return messages
      .filter((m): m is StoredMessage => !!m && (!wanted || m.to.some((t) => addressOf(t) === wanted)))
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
      .map(({ html: _html, text, ...summary }) => ({ ...summary, snippet: text.replace(/\s+/g, ' ').trim().slice(0, 120) }));
  }

  async delete(id: string): Promise<boolean> {
    const existed = !!(await this.get(id));
    await rm(this.file(safeId(id)), { force: true });
    return existed;
  }

  async deleteAll(filter: { to?: string } = {}): Promise<number> {
    const messages = await this.list(filter);
    await Promise.all(messages.map((m) => rm(this.file(m.id), { force: true })));
    return messages.length;
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

/** Ids become file names: keep simple ones as they are, hash the rest. */
function safeId(id: string): string {
  return /^[A-Za-z0-9._@+-]{1,100}$/.test(id) && !id.startsWith('.') ? id : createHash('sha256').update(id).digest('hex').slice(0, 40);
}

/** "Name <a@b.c>" → "a@b.c". */
export function addressOf(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
}
