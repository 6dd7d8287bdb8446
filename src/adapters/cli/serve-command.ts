/** `styr serve [--host] [--port] [--data]`: run the server that owns the register until a signal. */
import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import { targetFromEnv } from '../store/target.js';
import { clockFrom } from './register/commands.js';

function parsePort(s: string): number {
  const n = Number(s);
  if (!/^\d{1,5}$/.test(s) || n > 65535)
    throw new AppError('validation', 'invalid_port', `Ugyldig port «${s}». Bruk et tall fra 0 til 65535.`);
  return n;
}

export function registerServeCommand(
  program: Command,
  ctx: { err: (s: string) => void; setExitCode: (c: number) => void },
): void {
  program
    .command('serve')
    .description('Start styr-serveren (API og webapp) som eier registeret')
    .option('--host <adresse>', 'adressen serveren lytter på', '127.0.0.1')
    .option('--port <port>', 'porten serveren lytter på', '8080')
    .option(
      '--data <mappe>',
      'datamappe for den innebygde databasen (ellers STYR_DATA eller ~/.local/share/styr)',
    )
    .action(async (o: { host: string; port: string; data?: string }) => {
      try {
        // The server's modules (HTTP, OpenAPI, accounts) load only when it starts, not for `--help`.
        const { oidcConfigFromEnv } = await import('../../app/auth/oidc-config.js');
        const { startServer } = await import('../http/serve.js');
        const config = oidcConfigFromEnv();
        const oidc = config ? { oidc: config } : {};
        const running = await startServer({
          target: targetFromEnv(o.data),
          host: o.host,
          port: parsePort(o.port),
          clock: clockFrom(),
          ...oidc,
          ...(process.env.STYR_SECURE_COOKIES === '1' ? { secureCookies: true } : {}),
        });
        process.stderr.write(
          `styr serve: lytter på ${running.url} (API-referanse: ${running.url}/api/docs)\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            void running.close().then(resolve);
          };
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
        });
      } catch (e) {
        if (e instanceof AppError) {
          ctx.err(`styr: ${e.detail}`);
          ctx.setExitCode(e.exitCode);
        } else throw e;
      }
    });
}
