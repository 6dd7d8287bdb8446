/**
 * One printed bench figure. An honest figure says how it was measured: the median of several runs with
 * their range, whether the process was cold (new process) or warm, and, where one exists, the baseline it
 * is compared with and the ratio.
 */
export interface BenchRow {
  name: string;
  /** The median when `range` is given. */
  value: number;
  unit: string;
  /** Fastest and slowest of the runs behind `value`. */
  range?: [number, number];
  runs?: number;
  /** 'cold' = measured in a new process, 'warm' = in a process that already did the work once. */
  mode?: 'cold' | 'warm';
  /** What the figure is compared with (e.g. poppler's pdftotext) and value/baseline. */
  baseline?: { name: string; value: number };
  ratio?: number;
  /** The target the issue sets, as text ("≤ 0.3 s"), printed beside the figure. */
  target?: string;
}
