/** A ref as people say it: `v1.2.0` for a tag, `main` for a branch, twelve digits for a bare commit. */
export function shortRef(ref: string): string {
  const name = ref.replace(/^refs\/(tags|heads)\//, '');
  return /^[0-9a-f]{40}$/.test(name) ? name.slice(0, 12) : name;
}

/** Reviewed share in percent (one decimal, rounded down so 99.96 % never shows as 100 %), or null when there is nothing to review. */
export function percent(done: number, total: number): number | null {
  return total === 0 ? null : Math.floor((done / total) * 1000) / 10;
}
