/**
 * Which source lines a set of records covers, built once (a difference array over line numbers) so that
 * "is line n inside a record?" costs one array read however many records and lines there are.
 */
export class LineMarks {
  private readonly depth: Uint16Array;

  constructor(lastNo: number, ranges: readonly (readonly [number, number])[]) {
    const diff = new Int32Array(lastNo + 2);
    for (const [first, last] of ranges) {
      if (first > lastNo || last < first) continue;
      diff[Math.max(first, 1)]!++;
      diff[Math.min(last, lastNo) + 1]!--;
    }
    this.depth = new Uint16Array(lastNo + 2);
    let run = 0;
    for (let n = 1; n <= lastNo; n++) {
      run += diff[n]!;
      this.depth[n] = Math.min(run, 65535);
    }
  }

  has(no: number): boolean {
    return (this.depth[no] ?? 0) > 0;
  }
}
