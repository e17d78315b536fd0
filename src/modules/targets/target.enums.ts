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

/** What a target's progress figures count: total emissions, or emissions per inhabitant. */
export enum TargetMeasure {
  TOTAL_TCO2E = 'TOTAL_TCO2E',
  TCO2E_PER_CAPITA = 'TCO2E_PER_CAPITA',
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
    NET_ZERO: { description: 'Net-zero (climate-neutral) by targetYear: at most levelTco2e (default 0) left.' },
    FIXED_LEVEL: { description: 'Reach levelTco2e tonnes CO2e a year by targetYear.' },
  },
});
registerEnumType(TargetMeasure, {
  name: 'TargetMeasure',
  description: "The unit of a target's progress values (baselineValue, latestValue, targetValue, pathValue, ...).",
  valuesConfig: {
    TOTAL_TCO2E: { description: 'Total emissions of the year, tonnes CO2e.' },
    TCO2E_PER_CAPITA: { description: 'Emissions of the year per inhabitant, tonnes CO2e (PER_CAPITA_LEVEL).' },
  },
});
registerEnumType(TargetLegalStatus, { name: 'TargetLegalStatus', description: 'How binding a target is.' });
registerEnumType(TrajectoryStatus, {
  name: 'TrajectoryStatus',
  description:
    'Where a member stands against the path of a target (linear from the baseline value to the target value in ' +
    'the target year; for the Charter to −95 % in 2050).',
  valuesConfig: {
    ON_TRACK: { description: 'Latest emissions at or below the path.' },
    SLIGHTLY_OFF: { description: 'Latest emissions above the path by at most 10 %.' },
    OFF_TRACK: { description: 'Latest emissions more than 10 % above the path.' },
    NO_DATA: { description: 'No baseline inventory, or no inventory after the baseline year.' },
  },
});
