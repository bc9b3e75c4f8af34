import path from 'node:path';

/** Where everything of a workspace lives on disk (DESIGN.md, "Storage"). */
export class WorkspacePaths {
  constructor(readonly root: string) {}

  get database(): string {
    return path.join(this.root, 'workbench.db');
  }
  get lockFile(): string {
    return path.join(this.root, 'workspace.lock');
  }
  get marker(): string {
    return path.join(this.root, 'escrow-workspace.json');
  }
  get mirrors(): string {
    return path.join(this.root, 'mirrors');
  }
  get keys(): string {
    return path.join(this.root, 'keys');
  }
  /** The review ledger as a bare git repository: one file per signed event (issue 8). */
  get ledger(): string {
    return path.join(this.root, 'ledger.git');
  }
  get exports(): string {
    return path.join(this.root, 'exports');
  }
  mirror(componentId: string): string {
    return path.join(this.mirrors, `${componentId}.git`);
  }
}
