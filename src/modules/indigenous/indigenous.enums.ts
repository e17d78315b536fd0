import { registerEnumType } from 'type-graphql';

export enum IndigenousOrganisationLevel {
  REGIONAL_COORDINATION = 'REGIONAL_COORDINATION',
  NATIONAL = 'NATIONAL',
  REGIONAL = 'REGIONAL',
  LOCAL = 'LOCAL',
}

export enum TerritoryLegalStatus {
  TITLED = 'TITLED',
  DEMARCATED = 'DEMARCATED',
  STATE_RESERVE = 'STATE_RESERVE',
  CLAIMED = 'CLAIMED',
}

registerEnumType(IndigenousOrganisationLevel, {
  name: 'IndigenousOrganisationLevel',
  description: 'Where an indigenous organisation stands in the COICA hierarchy.',
  valuesConfig: {
    REGIONAL_COORDINATION: { description: 'COICA, coordinating the national organisations of the whole basin.' },
    NATIONAL: { description: 'A national organisation, member of COICA (e.g. AIDESEP, COIAB).' },
    REGIONAL: { description: 'A regional federation within one country (e.g. FOIRN, ORPIO).' },
    LOCAL: { description: 'A local or single-people organisation (e.g. a central of communities).' },
  },
});

registerEnumType(TerritoryLegalStatus, {
  name: 'TerritoryLegalStatus',
  description: 'How far the state recognises a territory.',
  valuesConfig: {
    TITLED: { description: 'Collectively titled to the people.' },
    DEMARCATED: { description: 'Demarcated and ratified (e.g. homologated in Brazil).' },
    STATE_RESERVE: { description: 'A state reserve or intangible zone, e.g. for peoples in voluntary isolation.' },
    CLAIMED: { description: 'Claimed by the people; not yet recognised.' },
  },
});
