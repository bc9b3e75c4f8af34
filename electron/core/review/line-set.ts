/** A set of line numbers kept as sorted, disjoint, inclusive ranges: review marks overlap freely. */
export class LineSet {
  private ranges: Array<[number, number]> = [];

  add(start: number, end: number): void {
    if (end < start) return;
    const merged: Array<[number, number]> = [];
    let placed = false;
    for (const [a, b] of this.ranges) {
      if (b < start - 1) merged.push([a, b]);
      else if (a > end + 1) {
        if (!placed) merged.push([start, end]);
        placed = true;
        merged.push([a, b]);
      } else {
        start = Math.min(start, a);
        end = Math.max(end, b);
      }
    }
    if (!placed) merged.push([start, end]);
    this.ranges = merged.sort((x, y) => x[0] - y[0]);
  }

  get size(): number {
    return this.ranges.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  }

  covers(start: number, end: number): boolean {
    return this.ranges.some(([a, b]) => a <= start && b >= end);
  }
}
