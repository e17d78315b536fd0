import { registerEnumType } from 'type-graphql';

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
