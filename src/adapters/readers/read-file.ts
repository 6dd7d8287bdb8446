/**
 * Read one input file from disk within the limits. Only regular files are read: a FIFO would block
 * for ever and a device such as /dev/zero never ends, so the file is opened non-blocking and checked
 * with fstat before a byte is read. The size is checked before reading and again while reading (a file
 * may grow, and /proc files report size 0).
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { ReadError } from './errors.js';
import { megabytes, type ReadLimits } from './limits.js';

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'en mappe';
  if (s.isFIFO()) return 'en navngitt rør (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'en enhet';
  if (s.isSocket()) return 'en socket';
  return 'ikke en vanlig fil';
}

/** Node's file errors in words a user can act on; the raw code (ELOOP …) never reaches the user. */
export function fileError(path: string, err: unknown): ReadError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new ReadError('file_not_found', `${path}: filen finnes ikke.`);
    case 'ELOOP':
      return new ReadError(
        'symlink_loop',
        `${path}: symbolske lenker peker i ring (lenkeløkke). Rett lenken eller bruk stien til selve filen.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new ReadError('unreadable_file', `${path}: ingen lesetilgang til filen.`);
    case 'EISDIR':
      return new ReadError('not_regular_file', `${path}: er en mappe, ikke en fil.`);
    case 'ENOTDIR':
      return new ReadError('file_not_found', `${path}: en del av stien er ikke en mappe.`);
    case 'ENAMETOOLONG':
      return new ReadError('file_not_found', `${path}: filnavnet er for langt.`);
    default:
      return new ReadError(
        'unreadable_file',
        `${path}: filen kan ikke leses${typeof code === 'string' ? ` (${code})` : ''}.`,
      );
  }
}

function tooLarge(path: string, limits: ReadLimits): ReadError {
  return new ReadError(
    'file_too_large',
    `${path}: filen er større enn grensen på ${megabytes(limits.maxFileBytes)} (STYR_MAX_FILE_MB). Del dokumentet opp, eller hev grensen hvis filen er en ekte tildelingsbrev-fil.`,
  );
}

async function readBounded(fh: FileHandle, path: string, size: number, limits: ReadLimits): Promise<Buffer> {
  const cap = limits.maxFileBytes;
  let buf = Buffer.allocUnsafe(Math.min(Math.max(size, 64 * 1024), cap) + 1);
  let used = 0;
  for (;;) {
    if (used === buf.length) {
      if (buf.length > cap) throw tooLarge(path, limits);
      const next = Buffer.allocUnsafe(Math.min(buf.length * 2, cap + 1));
      buf.copy(next, 0, 0, used);
      buf = next;
    }
    const { bytesRead } = await fh.read(buf, used, buf.length - used, used);
    if (bytesRead === 0) break;
    used += bytesRead;
  }
  if (used > cap) throw tooLarge(path, limits);
  return buf.subarray(0, used);
}

export async function readInputFile(path: string, limits: ReadLimits): Promise<Uint8Array> {
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw fileError(path, err);
  }
  try {
    const s = await fh.stat();
    if (!s.isFile())
      throw new ReadError(
        'not_regular_file',
        `${path}: er ${kindOf(s)}, ikke en vanlig fil. Bare vanlige filer leses.`,
      );
    if (s.size > limits.maxFileBytes) throw tooLarge(path, limits);
    return await readBounded(fh, path, s.size, limits);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw fileError(path, err);
  } finally {
    await fh.close().catch(() => undefined);
  }
}
