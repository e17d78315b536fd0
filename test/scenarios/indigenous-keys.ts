import { Role } from '../../src/auth/roles';
import { ORG } from './indigenous.scenario';
import { NAMED_MEMBERS } from './members.scenario';
import type { TestApp } from '../support/test-app';

/** One API key per role (and per scope that matters to the indigenous scenario); `anonymous` sends none. */
export async function indigenousKeys(api: TestApp) {
  return {
    anonymous: undefined,
    partner: await api.createKey(Role.PARTNER),
    analyst: await api.createKey(Role.ANALYST),
    editorWien: await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.wien.id }),
    editorMuenchen: await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.muenchen.id }),
    liaison: await api.createKey(Role.COICA_LIAISON),
    admin: await api.createKey(Role.ADMIN),
    stewardFoirn: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.foirn }),
    stewardCart: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.cart }),
    stewardFenamad: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.fenamad }),
    stewardOis: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.ois }),
  };
}

export type IndigenousKeys = Awaited<ReturnType<typeof indigenousKeys>>;
export type KeyName = keyof IndigenousKeys;
