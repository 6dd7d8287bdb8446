/**
 * Size check of a ZIP archive (DOCX) from its central directory, before anything is inflated: a
 * "zip bomb" of a few kilobytes can declare gigabytes of XML, and mammoth would inflate it all.
 */

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
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
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
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
          if (compressed === 0xffffffff && f + 8 <= end) compressed = u64(view, f);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressed, uncompressed });
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
