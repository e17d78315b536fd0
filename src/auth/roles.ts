import { registerEnumType } from 'type-graphql';

/** What an API key may do (README.md "API keys and roles"; docs/domain.md "Who may do what"). */
export const Role = {
  PARTNER: 'PARTNER',
  ANALYST: 'ANALYST',
  MEMBER_EDITOR: 'MEMBER_EDITOR',
  INDIGENOUS_STEWARD: 'INDIGENOUS_STEWARD',
  COICA_LIAISON: 'COICA_LIAISON',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The role a request acts with: a key's role, or ANONYMOUS without a key (so every Role is a ViewerRole). */
export const ViewerRole = { ANONYMOUS: 'ANONYMOUS', ...Role } as const;
export type ViewerRole = (typeof ViewerRole)[keyof typeof ViewerRole];

registerEnumType(Role, {
  name: 'Role',
  description: 'The role an API key carries.',
  valuesConfig: {
    PARTNER: { description: "A partner organisation's dashboard: public and network-visible data, no writes." },
    ANALYST: { description: 'Internal analytics: all non-restricted data and exports, no writes.' },
    MEMBER_EDITOR: { description: "Scoped to one member: writes that member's inventories, targets and timber data." },
    INDIGENOUS_STEWARD: {
      description: 'Scoped to one indigenous organisation: its own data in full, and its consent records.',
    },
    COICA_LIAISON: {
      description: 'Restricted indigenous data where consent grants it; manages partnerships and projects.',
    },
    ADMIN: { description: 'The secretariat: everything except what consent withholds.' },
  },
});

registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'The role a request acts with: the role of its API key, or ANONYMOUS without one.',
});
