import { EnergyCarrier, InventoryStandard } from '../../src/modules/emissions/emission.enums';

/**
 * The default BISKO-style factor set (docs/emission-factors.md): life-cycle factors in tonnes CO2e per MWh of final
 * energy. Fuels: the fixed BISKO factors (ifeu, BISKO method paper and the Klimaschutz-Planer factor list).
 * Electricity: the national mix per country and year, life-cycle carbon intensity of electricity generation from
 * Ember's Yearly Electricity Data (CC BY 4.0), rounded to 10 g CO2e/kWh.
 */
export const DEFAULT_FACTOR_SET = {
  name: 'BISKO default (Climate Alliance)',
  version: 1,
  standard: InventoryStandard.BISKO,
  sourceUrl: 'https://www.ifeu.de/en/project/bisko-bilanzierungs-systematik-kommunal/',
  licence: 'Electricity: CC BY 4.0 (Ember); fuels: factors as published by ifeu (BISKO)',
  description:
    'Life-cycle (LCA) factors as BISKO prescribes them. Fuels: fixed BISKO factors (ifeu); natural gas 0.247, ' +
    'heating oil 0.318, LPG 0.276, hard coal 0.438, wood 0.022, solar thermal 0.025 t CO2e/MWh. Electricity: ' +
    'national mix per country and year 2019-2023, life-cycle carbon intensity of generation from Ember Yearly ' +
    'Electricity Data (https://ember-energy.org/data/yearly-electricity-data/, CC BY 4.0), rounded to 0.01 t/MWh. ' +
    'District heating has no default: BISKO uses the local network factor, so a member adds its own set.',
};

/** Fixed factors, every country and year (t CO2e/MWh). */
export const FUEL_FACTORS: [EnergyCarrier, number][] = [
  [EnergyCarrier.NATURAL_GAS, 0.247],
  [EnergyCarrier.HEATING_OIL, 0.318],
  [EnergyCarrier.LPG, 0.276],
  [EnergyCarrier.COAL, 0.438],
  [EnergyCarrier.BIOMASS, 0.022],
  [EnergyCarrier.BIOGAS, 0.11],
  [EnergyCarrier.SOLAR_THERMAL, 0.025],
  [EnergyCarrier.PETROL, 0.322],
  [EnergyCarrier.DIESEL, 0.326],
  [EnergyCarrier.BIOFUELS, 0.112],
];

export const ELECTRICITY_YEARS = [2019, 2020, 2021, 2022, 2023];

/** g CO2e per kWh (= kg per MWh) of the national electricity mix, per member country, for ELECTRICITY_YEARS. */
export const ELECTRICITY_G_PER_KWH: Record<string, number[]> = {
  AT: [110, 100, 110, 110, 90],
  BE: [160, 150, 140, 150, 120],
  BG: [470, 410, 440, 450, 360],
  BY: [460, 450, 450, 450, 450],
  CH: [40, 40, 40, 40, 40],
  CZ: [490, 450, 470, 480, 420],
  DE: [410, 370, 400, 430, 380],
  DK: [170, 130, 150, 150, 130],
  ES: [210, 180, 170, 190, 150],
  FI: [110, 80, 90, 80, 70],
  FR: [60, 60, 60, 90, 60],
  GE: [120, 130, 120, 120, 130],
  HR: [230, 210, 200, 220, 190],
  HU: [230, 210, 220, 210, 180],
  IE: [330, 300, 340, 330, 280],
  IT: [340, 330, 330, 360, 290],
  LU: [110, 100, 100, 100, 90],
  MK: [600, 570, 560, 580, 550],
  NL: [390, 360, 380, 350, 270],
  PE: [250, 240, 260, 270, 260],
  PL: [760, 750, 750, 740, 660],
  PT: [230, 200, 180, 190, 130],
  RO: [290, 260, 260, 260, 220],
  SE: [40, 40, 40, 40, 40],
  SI: [250, 240, 230, 250, 220],
  SK: [130, 120, 120, 120, 100],
  UA: [260, 250, 240, 250, 250],
};
