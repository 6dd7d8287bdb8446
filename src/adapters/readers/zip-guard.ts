/**
 * Size checks of a ZIP archive (DOCX). First from its central directory, before anything is inflated:
 * a "zip bomb" of a few kilobytes can declare gigabytes of XML, and mammoth would inflate it all. Then
 * by inflating and counting, since a directory can understate its sizes.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Compression method (0 stored, 8 deflate) and where the entry's local header starts. */
  method?: number;
  localOffset?: number;
}

export type ZipSurvey = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'no_directory' };

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const MAX_ENTRIES = 100_000;

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/** Offset of the end-of-central-directory record (it sits within the last 64 KB + 22 bytes). */
function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) return i;
  }
  return -1;
}

/** List the entries the central directory declares, with their declared sizes. */
export function surveyZip(bytes: Uint8Array): ZipSurvey {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: 'no_directory' };
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  // ZIP64 archives keep the real count and offset in a second record that a locator points to.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20) {
    if (view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
      const at = u64(view, eocd - 20 + 8);
      if (at + 56 <= view.byteLength && view.getUint32(at, true) === ZIP64_EOCD_SIG) {
        count = u64(view, at + 32);
        offset = u64(view, at + 48);
      }
    }
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIG) break;
    const method = view.getUint16(p + 10, true);
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    let localOffset = view.getUint32(p + 42, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressed === 0xffffffff || compressed === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (id 1): the 64-bit sizes, uncompressed first, each present only if masked.
      let e = p + 46 + nameLen;
      const end = Math.min(e + extraLen, view.byteLength);
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 1) {
          let f = e + 4;
          if (uncompressed === 0xffffffff && f + 8 <= end) {
            uncompressed = u64(view, f);
            f += 8;
          }
          if (compressed === 0xffffffff && f + 8 <= end) {
            compressed = u64(view, f);
            f += 8;
          }
          if (localOffset === 0xffffffff && f + 8 <= end) localOffset = u64(view, f);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressed, uncompressed, method, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

export interface ZipLimits {
  /** Largest total uncompressed size accepted. */
  maxTotal: number;
  /** Largest compression ratio accepted for an entry bigger than `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

export const DOCX_LIMITS: ZipLimits = {
  maxTotal: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 10 * 1024 * 1024,
};

/** The first limit an archive breaks, or null. Ordinary Word XML compresses 5–20 times, never 200. */
export function zipLimitBroken(entries: readonly ZipEntry[], limits: ZipLimits): string | null {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > limits.ratioFloor && e.uncompressed > limits.maxRatio * Math.max(e.compressed, 1))
      return `${e.name} pakkes ut til ${mb(e.uncompressed)} fra ${mb(e.compressed)}`;
  }
  if (total > limits.maxTotal)
    return `innholdet pakkes ut til ${mb(total)} (grensen er ${mb(limits.maxTotal)})`;
  return null;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}

const LOCAL_SIG = 0x04034b50;

/** The compressed bytes of an entry, as an unzip library finds them (local header, central sizes). */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const at = e.localOffset ?? -1;
  if (at < 0 || at + 30 > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_SIG) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start > bytes.byteLength) return null;
  return bytes.subarray(start, Math.min(start + e.compressed, bytes.byteLength));
}

/**
 * Element depth of XML fed in chunks, approximately (comments, processing instructions and `>` inside
 * attribute values are not special-cased; Word writes neither). mammoth recurses per element, so a
 * document nested thousands deep overflows its stack: measured here, while inflating, instead.
 */
export class XmlDepth {
  max = 0;
  private depth = 0;
  /** 0 text, 1 just after '<', 2 in a closing tag or declaration, 3 in an opening tag. */
  private state = 0;
  private prev = 0;

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.state === 0) {
        if (b === 0x3c) this.state = 1;
      } else if (this.state === 1) {
        if (b === 0x2f) {
          this.depth--;
          this.state = 2;
        } else if (b === 0x3f || b === 0x21) this.state = 2;
        else {
          this.depth++;
          if (this.depth > this.max) this.max = this.depth;
          this.state = 3;
        }
      } else if (b === 0x3e) {
        if (this.state === 3 && this.prev === 0x2f) this.depth--;
        this.state = 0;
      }
      this.prev = b;
    }
  }
}

/** Inflate without keeping the output (each chunk is only shown to `see`), stopping past `cap` bytes. */
function inflatedLength(data: Uint8Array, cap: number, see?: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve) => {
    const z = createInflateRaw();
    let n = 0;
    let done = false;
    const finish = (v: number) => {
      if (done) return;
      done = true;
      z.destroy();
      resolve(v);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      see?.(chunk);
      if (n > cap) finish(n);
    });
    z.on('end', () => finish(n));
    // A broken stream is the unzip library's to report as a corrupt file; what came out still counts.
    z.on('error', () => finish(n));
    z.end(data);
  });
}

export type InflateCheck =
  | { ok: true; total: number }
  | { ok: false; reason: 'size' | 'depth'; entry: string; total: number; depth: number };

export interface InflateOptions {
  /** Largest total output of the wanted entries. */
  cap: number;
  /** Deepest XML element nesting accepted. */
  maxDepth: number;
  /** The entries the reader will open. */
  wanted: (name: string) => boolean;
  /** Called between entries (time budget). */
  check?: () => void;
}

/**
 * Measure what the entries the reader will open really inflate to, and how deep their XML nests, by
 * inflating them and counting, never trusting the sizes the directory declares. Output is not kept;
 * it stops at the first byte over the cap.
 */
export async function measureInflated(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  opts: InflateOptions,
): Promise<InflateCheck> {
  let total = 0;
  for (const e of entries) {
    if (!opts.wanted(e.name)) continue;
    const data = entryData(bytes, e);
    if (data === null) continue;
    const xml = new XmlDepth();
    if (e.method === 0) {
      xml.feed(data);
      total += data.length;
    } else total += await inflatedLength(data, opts.cap - total, (c) => xml.feed(c));
    if (total > opts.cap) return { ok: false, reason: 'size', entry: e.name, total, depth: xml.max };
    if (xml.max > opts.maxDepth) return { ok: false, reason: 'depth', entry: e.name, total, depth: xml.max };
    opts.check?.();
  }
  return { ok: true, total };
}
