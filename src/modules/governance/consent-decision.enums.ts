import { registerEnumType } from 'type-graphql';

export enum ConsentSubjectType {
  TERRITORY = 'TERRITORY',
  PROJECT = 'PROJECT',
  ORGANISATION = 'ORGANISATION',
}

export enum ConsentScope {
  DATA_PUBLICATION = 'DATA_PUBLICATION',
  LOCATION_DISCLOSURE = 'LOCATION_DISCLOSURE',
  RESEARCH_USE = 'RESEARCH_USE',
  MEDIA_USE = 'MEDIA_USE',
}

export enum ConsentStatus {
  PENDING = 'PENDING',
  GRANTED = 'GRANTED',
  WITHHELD = 'WITHHELD',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

/** What the latest applicable consent decision means for one viewer. */
export enum ConsentState {
  GRANTED = 'GRANTED',
  WITHHELD = 'WITHHELD',
  NONE = 'NONE',
}

registerEnumType(ConsentSubjectType, {
  name: 'ConsentSubjectType',
  description: 'What a consent record is about.',
  valuesConfig: {
    TERRITORY: { description: 'An indigenous territory.' },
    PROJECT: { description: 'A biodiversity project.' },
    ORGANISATION: { description: 'All data the organisation stewards (its territories and projects).' },
  },
});

registerEnumType(ConsentScope, {
  name: 'ConsentScope',
  description: 'What a consent decision covers.',
  valuesConfig: {
    DATA_PUBLICATION: { description: 'Showing the record itself; decides who sees RESTRICTED records.' },
    LOCATION_DISCLOSURE: { description: 'Showing the site location, up to a given precision.' },
    RESEARCH_USE: { description: 'Use of the data in research (recorded; not enforced by this API).' },
    MEDIA_USE: { description: 'Use of the data in media and publications (recorded; not enforced by this API).' },
  },
});

registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Where a free, prior and informed consent decision stands.',
  valuesConfig: {
    PENDING: { description: 'Asked for; the people have not decided yet. Has no effect (earlier decisions stand).' },
    GRANTED: { description: 'Given, within its validity dates, to the roles and organisations it names.' },
    WITHHELD: { description: 'Refused to the roles and organisations it names.' },
    WITHDRAWN: { description: 'Given once and taken back: refused from the next request on.' },
    EXPIRED: { description: 'Lapsed: has no effect, as if it had not been recorded (earlier decisions stand).' },
  },
});
