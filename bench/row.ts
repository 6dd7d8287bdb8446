export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}
