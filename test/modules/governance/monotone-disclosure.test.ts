import { describe, expect, it } from 'vitest';
import { ViewerRole } from '../../../src/auth/roles';
import {
  type AccessFacts,
  atLeast,
  DISCLOSURE_RANK,
  locationAccess,
  principalsAbove,
} from '../../../src/modules/governance/access.rules';
import { ConsentState } from '../../../src/modules/governance/consent-decision.enums';
import { GeoPrecision, LocationAccess, RecordVisibility } from '../../../src/modules/governance/governance.enums';

/** One consent decision in a made-up world: the principals it names ('role:X', 'org:o', 'member:m'). */
interface Decision {
  scope: 'publication' | 'location';
  state: ConsentState.GRANTED | ConsentState.WITHHELD;
  granted: GeoPrecision | null;
  names: string[];
}

interface Viewer {
  role: ViewerRole;
  principals: string[];
}

const VIEWERS: Viewer[] = [
  { role: ViewerRole.ANONYMOUS, principals: [] },
  ...[ViewerRole.PARTNER, ViewerRole.ANALYST, ViewerRole.COICA_LIAISON, ViewerRole.ADMIN].map((role) => ({
    role,
    principals: [`role:${role}`],
  })),
  { role: ViewerRole.MEMBER_EDITOR, principals: ['role:MEMBER_EDITOR', 'member:m'] },
  { role: ViewerRole.INDIGENOUS_STEWARD, principals: ['role:INDIGENOUS_STEWARD', 'org:o'] },
];
const PRINCIPALS = ['role:PARTNER', 'role:ANALYST', 'role:MEMBER_EDITOR', 'role:INDIGENOUS_STEWARD'].concat([
  'role:COICA_LIAISON',
  'role:ADMIN',
  'org:o',
  'member:m',
]);

/** The latest decision in `scope` naming any of `principals` (decisions are in time order), as the SQL picks it. */
function latest(decisions: Decision[], scope: Decision['scope'], principals: string[]): Decision | undefined {
  return decisions.filter((d) => d.scope === scope && d.names.some((name) => principals.includes(name))).pop();
}

/** Whether a principal above the viewer has a latest decision in `scope` that withholds, as the SQL decides it. */
function withheldAbove(decisions: Decision[], scope: Decision['scope'], role: ViewerRole): boolean {
  const above = principalsAbove(role);
  return PRINCIPALS.filter((name) => above.everyone || above.roles.some((r) => `role:${r}` === name)).some(
    (name) => latest(decisions, scope, [name])?.state === ConsentState.WITHHELD,
  );
}

function factsFor(viewer: Viewer, decisions: Decision[], visibility: RecordVisibility, isolated: boolean): AccessFacts {
  const publication = latest(decisions, 'publication', viewer.principals);
  const location = latest(decisions, 'location', viewer.principals);
  return {
    role: viewer.role,
    isOwnSteward: false,
    visibility,
    touchesIsolatedPeoples: isolated,
    publication: publication?.state ?? ConsentState.NONE,
    location: location?.state ?? ConsentState.NONE,
    locationGranted: location?.granted ?? null,
    publicationWithheldAbove: withheldAbove(decisions, 'publication', viewer.role),
    locationWithheldAbove: withheldAbove(decisions, 'location', viewer.role),
  };
}

/** A fixed pseudo-random sequence (the same worlds on every run). */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
}

function worlds(count: number): Decision[][] {
  const next = generator(42);
  const precisions = [null, GeoPrecision.COUNTRY, GeoPrecision.GRID_10KM, GeoPrecision.EXACT];
  return Array.from({ length: count }, () =>
    Array.from({ length: next(5) }, () => ({
      scope: next(2) ? 'publication' : 'location',
      state: next(2) ? ConsentState.GRANTED : ConsentState.WITHHELD,
      granted: precisions[next(4)],
      names: PRINCIPALS.filter(() => next(4) === 0),
    })),
  );
}

const served = (viewer: Viewer, world: Decision[], visibility: RecordVisibility, isolated: boolean) =>
  locationAccess(factsFor(viewer, world, visibility, isolated));

describe('monotone disclosure over 5,000 made-up consent histories', () => {
  const cases = worlds(5000).flatMap((world) =>
    Object.values(RecordVisibility).flatMap((visibility) =>
      [false, true].map((isolated) => ({ world, visibility, isolated })),
    ),
  );

  it('the histories include refusals that bind anonymous and grants that widen a key', () => {
    const anonymous = VIEWERS[0];
    expect(
      cases.filter((c) => factsFor(anonymous, c.world, c.visibility, c.isolated).locationWithheldAbove).length,
    ).toBeGreaterThan(100);
    expect(
      cases.filter((c) => served(VIEWERS[1], c.world, c.visibility, c.isolated) === LocationAccess.EXACT).length,
    ).toBeGreaterThan(100);
  });

  it('no key ever gets less than a request without one', () => {
    const failures = cases.flatMap(({ world, visibility, isolated }) => {
      const anonymous = served(VIEWERS[0], world, visibility, isolated);
      return VIEWERS.slice(1)
        .filter((viewer) => !atLeast(served(viewer, world, visibility, isolated), anonymous))
        .map((viewer) => ({ viewer: viewer.role, anonymous, world, visibility }));
    });
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('a refusal to a role hides the same from every role that sees less, anonymous included', () => {
    let refusals = 0;
    const failures = cases.flatMap(({ world, visibility, isolated }) =>
      VIEWERS.flatMap((refused) => {
        const facts = factsFor(refused, world, visibility, isolated);
        if (facts.location !== ConsentState.WITHHELD && facts.publication !== ConsentState.WITHHELD) return [];
        refusals += 1;
        const ranked = VIEWERS.filter(
          (v) => DISCLOSURE_RANK[v.role] < DISCLOSURE_RANK[refused.role] || !v.principals.length,
        );
        return ranked
          .filter(
            (viewer) => viewer !== refused && served(viewer, world, visibility, isolated) !== LocationAccess.HIDDEN,
          )
          .map((viewer) => ({ refused: refused.role, viewer: viewer.role, world }));
      }),
    );
    expect(refusals).toBeGreaterThan(1000);
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
