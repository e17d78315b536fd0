import { registerEnumType } from 'type-graphql';
import { UserInputError } from '../../common/errors';

/** The request header a reader declares its purpose in. */
export const ACCESS_PURPOSE_HEADER = 'x-access-purpose';

/** Why restricted indigenous data is read: a small controlled vocabulary, recorded in the access log. */
export enum AccessPurpose {
  PARTNERSHIP_COORDINATION = 'PARTNERSHIP_COORDINATION',
  PROJECT_MONITORING = 'PROJECT_MONITORING',
  REPORTING = 'REPORTING',
  RESEARCH = 'RESEARCH',
  STEWARDSHIP = 'STEWARDSHIP',
  UNDECLARED = 'UNDECLARED',
}

registerEnumType(AccessPurpose, {
  name: 'AccessPurpose',
  description: `Why restricted indigenous data was read, as declared in the \`${ACCESS_PURPOSE_HEADER}\` request header.`,
  valuesConfig: {
    PARTNERSHIP_COORDINATION: { description: 'Running a partnership with the organisation (COICA liaison work).' },
    PROJECT_MONITORING: { description: 'Following a project: progress, sites, funding.' },
    REPORTING: { description: 'Network reports and dashboards.' },
    RESEARCH: { description: 'Research or analysis (a RESEARCH_USE consent should cover it).' },
    STEWARDSHIP: { description: "The steward organisation's own work on its data." },
    UNDECLARED: { description: 'The request declared no purpose.' },
  },
});

/** The purpose a request declared; UNDECLARED without the header, BAD_USER_INPUT for a value outside the list. */
export function declaredPurpose(header: string | undefined): AccessPurpose {
  if (header === undefined || header === '') return AccessPurpose.UNDECLARED;
  const declarable = Object.values(AccessPurpose).filter((purpose) => purpose !== AccessPurpose.UNDECLARED);
  const value = header.trim().toUpperCase();
  const known = declarable.find((purpose) => purpose === value);
  if (known) return known;
  const allowed = declarable.join(', ');
  throw new UserInputError(ACCESS_PURPOSE_HEADER, `declare one of ${allowed}`);
}
