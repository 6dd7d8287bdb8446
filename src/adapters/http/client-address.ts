/**
 * The peer address of a request, for login throttling. Taken from the socket (@hono/node-server puts
 * the Node request in `c.env.incoming`), never from X-Forwarded-For, which any client can write.
 */
import type { Context } from 'hono';

export function clientAddress(c: Context): string {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return 'ukjent';
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return 'ukjent';
  const socket: unknown = incoming.socket;
  if (typeof socket !== 'object' || socket === null || !('remoteAddress' in socket)) return 'ukjent';
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : 'ukjent';
}
