import { registerEnumType } from 'type-graphql';

export enum CountryRegion {
  EUROPE = 'EUROPE',
  AMAZON_BASIN = 'AMAZON_BASIN',
}

export enum MemberCategory {
  MUNICIPALITY = 'MUNICIPALITY',
  CITY = 'CITY',
  DISTRICT_COUNTY = 'DISTRICT_COUNTY',
  PROVINCE_REGION = 'PROVINCE_REGION',
  FEDERAL_STATE = 'FEDERAL_STATE',
  ASSOCIATION_NGO = 'ASSOCIATION_NGO',
  OTHER_ORGANISATION = 'OTHER_ORGANISATION',
}

export enum MembershipType {
  FULL = 'FULL',
  ASSOCIATE = 'ASSOCIATE',
}

export enum MembershipStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LEFT = 'LEFT',
}

registerEnumType(CountryRegion, {
  name: 'CountryRegion',
  description: 'Where a country lies, as the alliance groups them.',
  valuesConfig: {
    EUROPE: { description: 'Europe, where the member municipalities are.' },
    AMAZON_BASIN: { description: 'The Amazon Basin, home of the indigenous partner peoples.' },
  },
});
registerEnumType(MemberCategory, { name: 'MemberCategory', description: 'What kind of body a member is.' });
registerEnumType(MembershipType, {
  name: 'MembershipType',
  description: 'FULL for local and regional authorities; ASSOCIATE for organisations and others.',
});
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'Where a membership stands.',
  valuesConfig: {
    APPLIED: { description: 'Applied; the council resolution is not yet confirmed.' },
    ACTIVE: { description: 'A member in good standing.' },
    SUSPENDED: { description: 'Membership suspended (e.g. fees unpaid).' },
    LEFT: { description: 'Left the alliance; `leftOn` says when.' },
  },
});
