// The jobs worker of the test stack, started by tests/run.ts as `npm start` starts its own: the
// product's queues (jobs/main.ts) against the test database, delivering e-mail to the test mailbox
// whatever SMTP or API settings the shell has. It polls every 0.2 s, so an e-mail Auth enqueues is
// in the mailbox well within a second. Its IPC channel stops it if the runner dies.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../jobs/main.ts', import.meta.url));

export interface StackWorker {
  stop(): Promise<void>;
}

export async function startStackWorker(options: { databaseUrl: string; mailboxUrl: string; log: (line: string) => void }): Promise<StackWorker> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SMTP_|MAIL_)/.test(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...env, DATABASE_URL: options.databaseUrl, COMPTOIR_MAILBOX_URL: options.mailboxUrl, MAIL_TRANSPORT: 'mailbox', JOBS_POLL_SECONDS: '0.2' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const onOutput = (chunk: Buffer) => {
    output += chunk;
    for (const line of chunk.toString().split('\n')) if (line) options.log(line);
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test stack's worker did not start in 30 s:\n${output}`)), 30_000);
    child.stdout!.on('data', () => output.includes('worker ready') && (clearTimeout(timer), resolve()));
    exited.then(() => (clearTimeout(timer), reject(new Error(`the test stack's worker exited during start-up:\n${output}`))));
  });
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
