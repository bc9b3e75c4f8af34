import type { ReleaseRef } from '../../../shared/contract/code.js';
import { AppError } from '../../../shared/errors.js';
import { listRefs } from '../../git/for-each-ref.js';
import { sql, sqlList } from '../../db/sql.js';
import { ESCROW_NAMESPACE } from '../escrow/ref-plan.js';
import type { ComponentRow } from '../escrow/component-store.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { Workspace } from '../workspace/workspace.js';

export interface ResolvedRelease {
  component: ComponentRow;
  gitDir: string;
  /** The full ref name when the input named a ref; null for a commit id. */
  refname: string | null;
  commit: string;
  tree: string;
}

const HEX = /^[0-9a-f]{4,64}$/;

/** Tags and branches of a mirror, and the resolution of what a person typed into a commit and tree. */
export class ReleaseService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
  ) {}

  async list(componentName: string): Promise<{ releases: ReleaseRef[]; defaultRef: string | null }> {
    const component = await this.components.require(componentName);
    const gitDir = this.workspace.paths.mirror(component.id);
    const records = await listRefs(gitDir, ['refs/tags/', 'refs/heads/']).catch(() => []);
    const releases: ReleaseRef[] = [];
    for (const record of records) {
      const commit = record.objectType === 'commit' ? record.target : await this.workspace.objects.peelToCommit(gitDir, record.target);
      if (!commit) continue; // A tag on a tree or blob is mirrored, but it is not a release of code.
      const kind = record.refname.startsWith('refs/tags/') ? 'tag' : 'branch';
      releases.push({ kind, name: record.refname.slice(kind === 'tag' ? 10 : 11), refname: record.refname, commit, date: record.date, subject: record.subject });
    }
    releases.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'tag' ? -1 : 1) : b.date.localeCompare(a.date) || a.name.localeCompare(b.name)));
    return { releases, defaultRef: component.head_ref };
  }

  async resolve(componentName: string, ref: string): Promise<ResolvedRelease> {
    const component = await this.components.require(componentName);
    const gitDir = this.workspace.paths.mirror(component.id);
    const candidates = ref.startsWith('refs/') ? [ref] : [`refs/tags/${ref}`, `refs/heads/${ref}`];
    // Vendor refs resolve through the recorded snapshot (no process to start); our own preserved refs,
    // which the snapshot does not hold, through the mirror.
    const records = ref.startsWith(ESCROW_NAMESPACE)
      ? (await listRefs(gitDir, candidates).catch(() => [])).map((r) => ({ refname: r.refname, target: r.target }))
      : await this.workspace.db.read.all<{ refname: string; target: string }>(
          sql`SELECT refname, target FROM component_refs WHERE component_id = ${component.id} AND refname IN ${sqlList(candidates)}`,
        );
    for (const candidate of candidates) {
      const record = records.find((r) => r.refname === candidate);
      if (record) return this.resolved(component, gitDir, candidate, record.target, ref);
    }
    if (HEX.test(ref)) {
      const info = await this.workspace.objects.info(gitDir, ref).catch(() => null);
      if (info) return this.resolved(component, gitDir, null, info.oid, ref);
    }
    throw new AppError('NOT_FOUND', 'error.ref.notFound', { component: component.name, ref });
  }

  private async resolved(component: ComponentRow, gitDir: string, refname: string | null, target: string, ref: string): Promise<ResolvedRelease> {
    const commit = await this.workspace.objects.peelToCommit(gitDir, target);
    if (!commit) throw new AppError('INVALID_INPUT', 'error.ref.notACommit', { component: component.name, ref });
    const { tree } = await this.workspace.objects.readCommit(gitDir, commit);
    return { component, gitDir, refname, commit, tree };
  }
}
