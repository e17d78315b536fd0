import { registerEnumType } from 'type-graphql';

export enum TargetOrigin {
  CLIMATE_ALLIANCE_CHARTER = 'CLIMATE_ALLIANCE_CHARTER',
  COVENANT_OF_MAYORS = 'COVENANT_OF_MAYORS',
  NATIONAL_LAW = 'NATIONAL_LAW',
  LOCAL_RESOLUTION = 'LOCAL_RESOLUTION',
  OTHER = 'OTHER',
}

export enum TargetType {
  BASE_YEAR_ABSOLUTE = 'BASE_YEAR_ABSOLUTE',
  PER_CAPITA_LEVEL = 'PER_CAPITA_LEVEL',
  NET_ZERO = 'NET_ZERO',
  FIXED_LEVEL = 'FIXED_LEVEL',
}

export enum TargetLegalStatus {
  LEGALLY_BINDING = 'LEGALLY_BINDING',
  COUNCIL_RESOLUTION = 'COUNCIL_RESOLUTION',
  VOLUNTARY_COMMITMENT = 'VOLUNTARY_COMMITMENT',
}

export enum TrajectoryStatus {
  ON_TRACK = 'ON_TRACK',
  SLIGHTLY_OFF = 'SLIGHTLY_OFF',
  OFF_TRACK = 'OFF_TRACK',
  NO_DATA = 'NO_DATA',
}

registerEnumType(TargetOrigin, {
  name: 'TargetOrigin',
  description: 'Who set a climate target.',
  valuesConfig: {
    CLIMATE_ALLIANCE_CHARTER: { description: 'The Climate Alliance Member Charter: −95 % by 2050 against 1990.' },
    COVENANT_OF_MAYORS: { description: 'A Covenant of Mayors commitment.' },
    NATIONAL_LAW: { description: 'A national climate law that binds the member.' },
    LOCAL_RESOLUTION: { description: "The member's own council resolution." },
    OTHER: { description: 'Another origin.' },
  },
});
registerEnumType(TargetType, {
  name: 'TargetType',
  description: 'What a target measures.',
  valuesConfig: {
    BASE_YEAR_ABSOLUTE: { description: 'Cut total emissions by reductionPercent from baseYear to targetYear.' },
    PER_CAPITA_LEVEL: { description: 'Reach perCapitaTargetT tonnes CO2e per inhabitant by targetYear.' },
    NET_ZERO: { description: 'Net-zero (climate-neutral) by targetYear.' },
    FIXED_LEVEL: { description: 'Reach a fixed emission level by targetYear.' },
  },
});
registerEnumType(TargetLegalStatus, { name: 'TargetLegalStatus', description: 'How binding a target is.' });
registerEnumType(TrajectoryStatus, {
  name: 'TrajectoryStatus',
  description: 'Where a member stands against the Charter path (linear from the baseline to −95 % in 2050).',
  valuesConfig: {
    ON_TRACK: { description: 'Latest emissions at or below the path.' },
    SLIGHTLY_OFF: { description: 'Latest emissions above the path by at most 10 %.' },
    OFF_TRACK: { description: 'Latest emissions more than 10 % above the path.' },
    NO_DATA: { description: 'No baseline inventory, or no inventory after the baseline year.' },
  },
});
