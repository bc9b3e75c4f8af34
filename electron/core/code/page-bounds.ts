/**
 * Where one page of a large file starts and ends, so that pages tile the file exactly: no byte shown
 * twice, none skipped. Page N nominally starts at N × pageBytes; its real start is just after the first
 * line feed within `slack` bytes of that point (so pages break between lines), or, in a line longer than
 * that (minified code), the point itself moved past any UTF-8 continuation bytes so no character is split.
 * Page N ends where page N + 1 starts, computed by the same rule from the same bytes.
 */
export interface PageSlice {
  /** Bytes of the blob from the page's nominal start, at least pageBytes + slack long unless the file ends. */
  data: Buffer;
  /** Absolute offset of data[0] (page × pageBytes). */
  from: number;
  size: number;
}

export interface PageBounds {
  /** Relative to the slice. */
  start: number;
  end: number;
  /** A line feed was skipped to reach `start`: the page's first line is the one after it. */
  startsAfterNewline: boolean;
}

export function pageBounds(slice: PageSlice, pageBytes: number, slack: number): PageBounds {
  const start = slice.from === 0 ? { at: 0, afterNewline: false } : boundary(slice.data, 0, slack);
  const end = slice.from + pageBytes >= slice.size ? slice.data.length : boundary(slice.data, pageBytes, slack).at;
  return { start: start.at, end: Math.max(start.at, end), startsAfterNewline: start.afterNewline };
}

/** The cut at or after `at`: after a line feed within `slack` bytes, else at `at` past continuation bytes. */
function boundary(data: Buffer, at: number, slack: number): { at: number; afterNewline: boolean } {
  const newline = data.indexOf(0x0a, at);
  if (newline !== -1 && newline < at + slack) return { at: newline + 1, afterNewline: true };
  let cut = Math.min(at, data.length);
  for (let i = 0; i < 3 && cut < data.length && (data[cut]! & 0xc0) === 0x80; i++) cut++;
  return { at: cut, afterNewline: false };
}
