import { RecordVisibility } from '../../src/modules/governance/governance.enums';
import { PartnershipType } from '../../src/modules/partnerships/partnership.enums';

export interface PartnershipSeed {
  key: string;
  organisationKey: string;
  /** A member key from members.json, or the name of a coordination office. */
  memberKey?: string;
  officeName?: string;
  type: PartnershipType;
  startedOn: string;
  visibility: RecordVisibility;
  description: string;
  /** Members that give money each year, with a typical yearly amount in EUR. */
  contributors: { memberKey: string; yearlyEur: number }[];
}

const { CLIMATE_PARTNERSHIP, PROJECT_SUPPORT, KNOWLEDGE_EXCHANGE, ADVOCACY } = PartnershipType;

/** The two long-standing partnerships named in the alliance's history, and plausible others around them. */
export const PARTNERSHIP_SEEDS: PartnershipSeed[] = [
  {
    key: 'klimabuendnis-oesterreich-foirn',
    organisationKey: 'foirn',
    officeName: 'Klimabündnis Österreich',
    type: CLIMATE_PARTNERSHIP,
    startedOn: '1993-01-01',
    visibility: RecordVisibility.PUBLIC,
    description:
      'Climate partnership of the Austrian members with the peoples of the upper Rio Negro: land rights, ' +
      'intercultural schools and territorial management with FOIRN.',
    contributors: [
      { memberKey: 'at-wien', yearlyEur: 25_000 },
      { memberKey: 'at-graz', yearlyEur: 8_000 },
      { memberKey: 'at-salzburg', yearlyEur: 6_000 },
    ],
  },
  {
    key: 'munchen-ashaninka',
    organisationKey: 'cart',
    memberKey: 'de-munchen',
    type: CLIMATE_PARTNERSHIP,
    startedOn: '1997-01-01',
    visibility: RecordVisibility.PUBLIC,
    description: 'München and the Asháninka of the Río Tambo: forest protection, land titling and agroforestry.',
    contributors: [{ memberKey: 'de-munchen', yearlyEur: 30_000 }],
  },
  {
    key: 'frankfurt-coica',
    organisationKey: 'coica',
    memberKey: 'de-frankfurt-am-main',
    type: ADVOCACY,
    startedOn: '1990-09-14',
    visibility: RecordVisibility.PUBLIC,
    description: 'Joint advocacy for indigenous territorial rights since the founding of the alliance in Frankfurt.',
    contributors: [{ memberKey: 'de-frankfurt-am-main', yearlyEur: 10_000 }],
  },
  {
    key: 'bremen-coiab',
    organisationKey: 'coiab',
    memberKey: 'de-bremen',
    type: KNOWLEDGE_EXCHANGE,
    startedOn: '2015-05-01',
    visibility: RecordVisibility.PUBLIC,
    description: 'Visits and school exchange on the Brazilian Amazon.',
    contributors: [{ memberKey: 'de-bremen', yearlyEur: 4_000 }],
  },
  {
    key: 'bolzano-confeniae',
    organisationKey: 'confeniae',
    memberKey: 'it-bozen-bolzano',
    type: PROJECT_SUPPORT,
    startedOn: '2003-03-01',
    visibility: RecordVisibility.NETWORK,
    description: 'Support for renewable energy and restoration projects in the Ecuadorian Amazon.',
    contributors: [{ memberKey: 'it-bozen-bolzano', yearlyEur: 12_000 }],
  },
  {
    key: 'alleanza-fenamad',
    organisationKey: 'fenamad',
    officeName: 'Alleanza per il Clima Italia',
    type: PROJECT_SUPPORT,
    startedOn: '2012-06-01',
    visibility: RecordVisibility.RESTRICTED,
    description: 'Support for the protection of the territorial reserve of peoples in voluntary isolation.',
    contributors: [],
  },
  {
    key: 'klima-buendnis-letzebuerg-orau',
    organisationKey: 'orau',
    officeName: 'Klima-Bündnis Lëtzebuerg',
    type: KNOWLEDGE_EXCHANGE,
    startedOn: '2008-01-01',
    visibility: RecordVisibility.NETWORK,
    description: 'Exchange between Luxembourg schools and Ucayali communities.',
    contributors: [],
  },
];
