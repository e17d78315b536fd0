import { describe, expect, it } from 'vitest';
import { allowedFactsSql } from '../../../src/modules/governance/governed-access.sql';

describe('allowedFactsSql', () => {
  it('lists exactly the combinations the decision allows, the facts’ bindings first', () => {
    const visible = allowedFactsSql<[string, boolean]>(
      [
        { sql: 'r.visibility::text', sqlType: 'text', values: ['PUBLIC', 'RESTRICTED'] },
        { sql: 'coalesce(r.owner_id = ?::uuid, false)', sqlType: 'boolean', values: [true, false] },
      ],
      ['owner-id'],
      ([visibility, isOwner]) => visibility === 'PUBLIC' || isOwner,
    );
    expect(visible.sql).toBe(
      '(r.visibility::text, coalesce(r.owner_id = ?::uuid, false)) in ' +
        '((?::text, ?::boolean), (?::text, ?::boolean), (?::text, ?::boolean))',
    );
    expect(visible.bindings).toEqual(['owner-id', 'PUBLIC', true, 'PUBLIC', false, 'RESTRICTED', true]);
  });

  it('is false, without bindings, when the decision allows nothing', () => {
    const visible = allowedFactsSql<[boolean]>(
      [{ sql: 'r.flag', sqlType: 'boolean', values: [true, false] }],
      [],
      () => false,
    );
    expect(visible).toEqual({ sql: 'false', bindings: [] });
  });
});
