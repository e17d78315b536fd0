import { registerEnumType } from 'type-graphql';

export enum PartnershipType {
  CLIMATE_PARTNERSHIP = 'CLIMATE_PARTNERSHIP',
  PROJECT_SUPPORT = 'PROJECT_SUPPORT',
  KNOWLEDGE_EXCHANGE = 'KNOWLEDGE_EXCHANGE',
  ADVOCACY = 'ADVOCACY',
}

registerEnumType(PartnershipType, {
  name: 'PartnershipType',
  description: 'What kind of partnership links a member or office with an indigenous organisation.',
  valuesConfig: {
    CLIMATE_PARTNERSHIP: { description: 'A long-standing twinning between the partners.' },
    PROJECT_SUPPORT: { description: 'Support for particular projects.' },
    KNOWLEDGE_EXCHANGE: { description: 'Visits, education and exchange.' },
    ADVOCACY: { description: 'Joint political work, e.g. on land rights.' },
  },
});
