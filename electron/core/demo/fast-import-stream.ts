import { createHash } from 'node:crypto';
import { blobContent, type ComponentPlan } from './history-planner.js';
import type { DemoPerson, DemoTimestamp } from './platform-types.js';

/**
 * Turns a planned component history into a `git fast-import` stream. The stream is built as one Buffer
 * so that file contents stay byte-exact (a windows-1251 file is not UTF-8 and must not pass through a
 * string). Each distinct blob is written once and referred to by mark; every commit lists its complete
 * tree after `deleteall`, in byte order of the paths, so the result depends on nothing but the plan.
 */
export function fastImportStream(plan: ComponentPlan): Buffer {
  const out = new StreamWriter();
  const blobMarks = new Map<string, number>();
  const commitMarks: number[] = [];
  let nextMark = 1;

  for (const planned of plan.commits) {
    const paths = [...planned.tree.keys()].sort(byBytes);
    const lines: string[] = [];
    for (const p of paths) {
      const entry = planned.tree.get(p)!;
      const content = blobContent(entry);
      const key = createHash('sha256').update(content).digest('hex');
      let mark = blobMarks.get(key);
      if (mark === undefined) {
        mark = nextMark++;
        blobMarks.set(key, mark);
        out.line('blob').line(`mark :${mark}`).data(content);
      }
      lines.push(`M ${entry.mode} :${mark} ${quotePath(p)}`);
    }

    const { commit } = planned;
    const mark = nextMark++;
    commitMarks[planned.index] = mark;
    out.line(`commit refs/heads/${commit.branch}`).line(`mark :${mark}`);
    out.line(`author ${identity(commit.author, commit.date)}`);
    out.line(`committer ${identity(commit.author, commit.date)}`);
    out.data(Buffer.from(withFinalNewline(commit.message), 'utf8'));
    planned.parents.forEach((parent, i) => out.line(`${i === 0 ? 'from' : 'merge'} :${commitMarks[parent]!}`));
    out.line('deleteall');
    for (const line of lines) out.line(line);
    out.line('');

    for (const { tag, commitIndex } of plan.tags) {
      if (commitIndex !== planned.index) continue;
      out.line(`tag ${tag.name}`).line(`from :${mark}`);
      out.line(`tagger ${identity(tag.tagger, tag.date)}`);
      out.data(Buffer.from(withFinalNewline(tag.message), 'utf8'));
    }
  }
  out.line('done');
  return out.toBuffer();
}

class StreamWriter {
  private readonly parts: Buffer[] = [];

  line(text: string): this {
    this.parts.push(Buffer.from(`${text}\n`, 'utf8'));
    return this;
  }

  /** `data <n>` followed by exactly n bytes and a line break. */
  data(bytes: Buffer): this {
    this.parts.push(Buffer.from(`data ${bytes.length}\n`, 'utf8'), bytes, Buffer.from('\n'));
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function identity(person: DemoPerson, date: DemoTimestamp): string {
  return `${person.name} <${person.email}> ${date.epochSeconds} ${date.offset}`;
}

function withFinalNewline(message: string): string {
  const trimmed = message.replace(/\s+$/, '');
  return `${trimmed}\n`;
}

/** C-style quoting, which fast-import accepts for every path (the loader already refused `"`, `\` and line breaks). */
function quotePath(p: string): string {
  return `"${p}"`;
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
