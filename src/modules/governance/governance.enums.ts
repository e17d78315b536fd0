import { registerEnumType } from 'type-graphql';

/** Who a record may be shown to, before consent is taken into account. */
export enum RecordVisibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  RESTRICTED = 'RESTRICTED',
}

/** How coarse a served location is. */
export enum GeoPrecision {
  EXACT = 'EXACT',
  GRID_10KM = 'GRID_10KM',
  COUNTRY = 'COUNTRY',
}

/** The precision a viewer may see a location at, or HIDDEN. */
export enum LocationAccess {
  HIDDEN = 'HIDDEN',
  COUNTRY = 'COUNTRY',
  GRID_10KM = 'GRID_10KM',
  EXACT = 'EXACT',
}

registerEnumType(RecordVisibility, {
  name: 'RecordVisibility',
  description: 'Who may see a record (consent records of the steward can widen or narrow it).',
  valuesConfig: {
    PUBLIC: { description: 'Anyone, without an API key.' },
    NETWORK: { description: 'Any API key of the network (partners, analysts, editors, liaison, stewards).' },
    RESTRICTED: {
      description:
        'Only the steward organisation, the secretariat, and whoever a DATA_PUBLICATION consent grants it to.',
    },
  },
});

registerEnumType(GeoPrecision, {
  name: 'GeoPrecision',
  description: 'How coarse a served location is.',
  valuesConfig: {
    EXACT: { description: 'The stored coordinates.' },
    GRID_10KM: { description: 'The centre of the 0.09° (about 10 km) grid cell that holds the site.' },
    COUNTRY: { description: 'A representative point of the country only.' },
  },
});

registerEnumType(LocationAccess, {
  name: 'LocationAccess',
  description:
    'The precision a location was (or would be) served at, or HIDDEN when it was not served at all; ordered ' +
    'HIDDEN < COUNTRY < GRID_10KM < EXACT.',
});
