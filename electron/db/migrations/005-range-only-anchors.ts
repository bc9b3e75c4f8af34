import type { Migration } from './index.js';

/**
 * A scanner's finding keeps only the range and the lines' hash of its anchor (the text follows from the
 * blob: see review/finding-anchors.ts). Rows written before keep their text; they are cut down here so that
 * `audit verify`, which rebuilds them the new way, finds them equal.
 */
export const migration005RangeOnlyAnchors: Migration = {
  version: 5,
  name: 'range-only anchors of imported findings',
  async up(db) {
    await db.exec(`
      UPDATE finding_anchors SET anchor = json_object('linesSha256', anchor ->> 'linesSha256')
      WHERE finding_id IN (SELECT id FROM findings WHERE source LIKE 'sarif:%');
    `);
  },
};
