/**
 * The bundled demo escrow, as described by resources/demo/platform.json once it has been read and
 * checked (see platform-loader.ts). Everything here is plain data: no file system, no git.
 */

/** Git file modes a demo file may have: regular, executable, symbolic link (content = link target). */
export type DemoFileMode = '100644' | '100755' | '120000';

export interface DemoPerson {
  name: string;
  email: string;
}

/** A fixed point in time with its own UTC offset, as git stores it: seconds since the epoch and "+0500". */
export interface DemoTimestamp {
  iso: string;
  epochSeconds: number;
  offset: string;
}

export interface DemoTag {
  name: string;
  message: string;
  tagger: DemoPerson;
  date: DemoTimestamp;
}

export interface DemoCommit {
  /** "component \"x\", commit #3 (\"first line of message\")": used in every error about this commit. */
  label: string;
  message: string;
  author: DemoPerson;
  date: DemoTimestamp;
  branch: string;
  /** Where a new branch starts: an existing branch (its tip at that point) or an earlier tag. */
  from?: string;
  /** A second parent: a branch or an earlier tag. The commit's tree starts from the merged-in tip. */
  merge?: string;
  /** Absolute path of the overlay folder, if the commit adds or replaces files. */
  overlayDir?: string;
  delete: string[];
  modes: Record<string, DemoFileMode>;
  tags: DemoTag[];
}

export interface DemoComponent {
  name: string;
  description: string;
  commits: DemoCommit[];
}

export interface DemoPlatform {
  platform: string;
  vendor: string;
  components: DemoComponent[];
}
