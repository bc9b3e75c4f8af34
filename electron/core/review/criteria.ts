import type { Criterion } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import type { ProjectionTable } from '../events/projector.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { Workspace } from '../workspace/workspace.js';

/** Every component has this criterion; others are defined per component. */
export const DEFAULT_CRITERION = 'safe-to-deploy';

const BUILT_IN: Criterion = {
  name: DEFAULT_CRITERION,
  description: 'Read in full and judged safe to deploy on the state servers.',
  implies: [],
  builtIn: true,
};

/**
 * Review criteria of a component (as cargo-vet's): a mark against a criterion also counts for every
 * criterion it implies, transitively (`crypto-reviewed` may imply `safe-to-deploy`).
 */
export class CriteriaService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly ledger: Ledger,
  ) {}

  async list(component: string): Promise<Criterion[]> {
    const row = await this.components.require(component);
    const defined = await this.workspace.db.read.all<{ name: string; description: string; implies: string }>(
      sql`SELECT name, description, implies FROM review_criteria WHERE component_id = ${row.id} ORDER BY name`,
    );
    return [BUILT_IN, ...defined.map((d) => ({ name: d.name, description: d.description, implies: JSON.parse(d.implies) as string[], builtIn: false }))];
  }

  async define(actor: string, component: string, name: string, description: string, implies: readonly string[]): Promise<Criterion> {
    const row = await this.components.require(component);
    const known = await this.list(component);
    if (known.some((c) => c.name === name)) throw new AppError('CONFLICT', 'error.review.criterionExists', { name, component: row.name });
    for (const target of implies) {
      if (!known.some((c) => c.name === target)) throw new AppError('NOT_FOUND', 'error.review.criterionUnknown', { name: target, known: known.map((c) => c.name).join(', ') });
    }
    // A new criterion can only imply existing ones, so no cycle can form.
    const criterion: Criterion = { name, description, implies: [...new Set(implies)], builtIn: false };
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'criterion.defined', { component: row.name, name, description, implies: criterion.implies }));
    return criterion;
  }

  async require(component: string, name: string): Promise<Criterion[]> {
    const known = await this.list(component);
    if (!known.some((c) => c.name === name)) throw new AppError('NOT_FOUND', 'error.review.criterionUnknown', { name, known: known.map((c) => c.name).join(', ') });
    return known;
  }
}

/** The criteria whose marks count for `target`: itself and every criterion that implies it, transitively. */
export function criteriaCountingFor(target: string, criteria: readonly Criterion[]): Set<string> {
  const counting = new Set([target]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of criteria) {
      if (!counting.has(c.name) && c.implies.some((i) => counting.has(i))) {
        counting.add(c.name);
        grew = true;
      }
    }
  }
  return counting;
}

export const criterionProjections: ProjectionTable = {
  async 'criterion.defined'(tx, { actor, at, payload }) {
    const componentId = await componentIdOf(tx, payload['component']);
    await tx.run(sql`INSERT INTO review_criteria (component_id, name, description, implies, created_by, created_at)
      VALUES (${componentId}, ${payload['name'] as string}, ${payload['description'] as string}, ${JSON.stringify(payload['implies'])}, ${actor}, ${at})`);
  },
};
