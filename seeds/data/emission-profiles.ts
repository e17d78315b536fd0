import { EnergyCarrier as C, Sector as S } from '../../src/modules/emissions/emission.enums';

/**
 * Rough territorial emissions per inhabitant in 1990 (t CO2e) and the 1990 electricity grid factor
 * (t CO2e/MWh) by country, in the range of national inventories; municipal inventories vary around them.
 */
export const COUNTRY_PROFILES: Record<
  string,
  { perCapita1990: number; grid1990: number; heating: 'gas' | 'oil' | 'coal' | 'district' }
> = {
  AT: { perCapita1990: 8.5, grid1990: 0.3, heating: 'oil' },
  DE: { perCapita1990: 11.5, grid1990: 0.76, heating: 'gas' },
  IT: { perCapita1990: 7.5, grid1990: 0.59, heating: 'gas' },
  LU: { perCapita1990: 20, grid1990: 0.5, heating: 'oil' },
  CH: { perCapita1990: 6.5, grid1990: 0.1, heating: 'oil' },
  NL: { perCapita1990: 11, grid1990: 0.6, heating: 'gas' },
  HU: { perCapita1990: 7, grid1990: 0.55, heating: 'gas' },
  BE: { perCapita1990: 11, grid1990: 0.35, heating: 'gas' },
  CZ: { perCapita1990: 14, grid1990: 0.85, heating: 'coal' },
  ES: { perCapita1990: 6, grid1990: 0.45, heating: 'gas' },
  FR: { perCapita1990: 7, grid1990: 0.1, heating: 'gas' },
  HR: { perCapita1990: 6, grid1990: 0.4, heating: 'gas' },
  PL: { perCapita1990: 11, grid1990: 1.0, heating: 'coal' },
  RO: { perCapita1990: 8, grid1990: 0.7, heating: 'district' },
  SI: { perCapita1990: 8, grid1990: 0.5, heating: 'oil' },
  SK: { perCapita1990: 10, grid1990: 0.45, heating: 'district' },
  UA: { perCapita1990: 13, grid1990: 0.65, heating: 'district' },
  BG: { perCapita1990: 10, grid1990: 0.75, heating: 'district' },
  BY: { perCapita1990: 12, grid1990: 0.6, heating: 'district' },
  MK: { perCapita1990: 6, grid1990: 0.9, heating: 'coal' },
  PT: { perCapita1990: 5, grid1990: 0.5, heating: 'oil' },
  SE: { perCapita1990: 6.5, grid1990: 0.05, heating: 'district' },
  DK: { perCapita1990: 11, grid1990: 0.8, heating: 'district' },
  FI: { perCapita1990: 12, grid1990: 0.3, heating: 'district' },
  GE: { perCapita1990: 4, grid1990: 0.2, heating: 'gas' },
  IE: { perCapita1990: 9, grid1990: 0.8, heating: 'oil' },
  PE: { perCapita1990: 2, grid1990: 0.3, heating: 'gas' },
};

/** Emission factors in t CO2e per MWh of final energy (electricity comes from the country profile). */
export const EMISSION_FACTORS: Partial<Record<C, number>> = {
  [C.DISTRICT_HEATING]: 0.26,
  [C.NATURAL_GAS]: 0.247,
  [C.HEATING_OIL]: 0.318,
  [C.LPG]: 0.276,
  [C.COAL]: 0.438,
  [C.BIOMASS]: 0.022,
  [C.BIOGAS]: 0.11,
  [C.SOLAR_THERMAL]: 0.025,
  [C.AMBIENT_HEAT]: 0.05,
  [C.PETROL]: 0.314,
  [C.DIESEL]: 0.327,
  [C.BIOFUELS]: 0.12,
  [C.OTHER_RENEWABLE]: 0.03,
  [C.OTHER_FOSSIL]: 0.3,
};

/**
 * The lines of an inventory with their 1990 share of emissions (before the heating mix and size adjust them)
 * and how that share moves by 2024 (×): fossil heating shrinks, heat pumps, solar and biomass grow.
 */
export interface LineProfile {
  sector: S;
  carrier: C;
  share: number;
  trend: number;
  /** Which members have it: all, only larger places (cities, regions), or only rural ones. */
  where?: 'urban' | 'rural';
  heating?: 'gas' | 'oil' | 'coal' | 'district';
}

export const LINE_PROFILES: LineProfile[] = [
  { sector: S.RESIDENTIAL, carrier: C.ELECTRICITY, share: 0.08, trend: 0.8 },
  { sector: S.RESIDENTIAL, carrier: C.DISTRICT_HEATING, share: 0.05, trend: 1.1, where: 'urban', heating: 'district' },
  { sector: S.RESIDENTIAL, carrier: C.NATURAL_GAS, share: 0.08, trend: 0.8, heating: 'gas' },
  { sector: S.RESIDENTIAL, carrier: C.HEATING_OIL, share: 0.08, trend: 0.4, heating: 'oil' },
  { sector: S.RESIDENTIAL, carrier: C.LPG, share: 0.01, trend: 0.6, where: 'rural' },
  { sector: S.RESIDENTIAL, carrier: C.COAL, share: 0.02, trend: 0.15, heating: 'coal' },
  { sector: S.RESIDENTIAL, carrier: C.BIOMASS, share: 0.005, trend: 2.5 },
  { sector: S.RESIDENTIAL, carrier: C.SOLAR_THERMAL, share: 0.0005, trend: 8 },
  { sector: S.RESIDENTIAL, carrier: C.AMBIENT_HEAT, share: 0.0005, trend: 12 },
  { sector: S.COMMERCIAL_SERVICES, carrier: C.ELECTRICITY, share: 0.07, trend: 0.8 },
  { sector: S.COMMERCIAL_SERVICES, carrier: C.DISTRICT_HEATING, share: 0.03, trend: 1.1, where: 'urban' },
  { sector: S.COMMERCIAL_SERVICES, carrier: C.NATURAL_GAS, share: 0.05, trend: 0.8 },
  { sector: S.COMMERCIAL_SERVICES, carrier: C.HEATING_OIL, share: 0.03, trend: 0.4 },
  { sector: S.COMMERCIAL_SERVICES, carrier: C.BIOMASS, share: 0.002, trend: 2 },
  { sector: S.MUNICIPAL_FACILITIES, carrier: C.ELECTRICITY, share: 0.01, trend: 0.6 },
  { sector: S.MUNICIPAL_FACILITIES, carrier: C.DISTRICT_HEATING, share: 0.005, trend: 1, where: 'urban' },
  { sector: S.MUNICIPAL_FACILITIES, carrier: C.NATURAL_GAS, share: 0.008, trend: 0.7 },
  { sector: S.MUNICIPAL_FACILITIES, carrier: C.HEATING_OIL, share: 0.005, trend: 0.3 },
  { sector: S.MUNICIPAL_FACILITIES, carrier: C.DIESEL, share: 0.002, trend: 0.8 },
  { sector: S.INDUSTRY, carrier: C.ELECTRICITY, share: 0.08, trend: 0.7 },
  { sector: S.INDUSTRY, carrier: C.NATURAL_GAS, share: 0.07, trend: 0.8 },
  { sector: S.INDUSTRY, carrier: C.HEATING_OIL, share: 0.02, trend: 0.4 },
  { sector: S.INDUSTRY, carrier: C.COAL, share: 0.04, trend: 0.3 },
  { sector: S.INDUSTRY, carrier: C.BIOMASS, share: 0.003, trend: 2 },
  { sector: S.INDUSTRY, carrier: C.OTHER_FOSSIL, share: 0.01, trend: 0.7 },
  { sector: S.TRANSPORT, carrier: C.PETROL, share: 0.11, trend: 0.7 },
  { sector: S.TRANSPORT, carrier: C.DIESEL, share: 0.08, trend: 1.2 },
  { sector: S.TRANSPORT, carrier: C.ELECTRICITY, share: 0.004, trend: 3 },
  { sector: S.TRANSPORT, carrier: C.BIOFUELS, share: 0.0005, trend: 15 },
  { sector: S.TRANSPORT, carrier: C.LPG, share: 0.002, trend: 1 },
  { sector: S.WASTE, carrier: C.NOT_ENERGY, share: 0.03, trend: 0.5 },
  { sector: S.AGRICULTURE_FORESTRY, carrier: C.NOT_ENERGY, share: 0.03, trend: 0.9, where: 'rural' },
  { sector: S.AGRICULTURE_FORESTRY, carrier: C.DIESEL, share: 0.01, trend: 0.9, where: 'rural' },
];
