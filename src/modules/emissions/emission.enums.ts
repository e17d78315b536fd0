import { registerEnumType } from 'type-graphql';

/** Inventory methodologies. The order here is the preference order (see STANDARD_PREFERENCE). */
export enum InventoryStandard {
  BISKO = 'BISKO',
  COM_BEI = 'COM_BEI',
  COM_MEI = 'COM_MEI',
  GPC_BASIC = 'GPC_BASIC',
  GPC_BASIC_PLUS = 'GPC_BASIC_PLUS',
  OTHER = 'OTHER',
}

export enum VerificationStatus {
  SELF_REPORTED = 'SELF_REPORTED',
  THIRD_PARTY_REVIEWED = 'THIRD_PARTY_REVIEWED',
  VERIFIED = 'VERIFIED',
  ESTIMATED = 'ESTIMATED',
}

export enum Sector {
  RESIDENTIAL = 'RESIDENTIAL',
  COMMERCIAL_SERVICES = 'COMMERCIAL_SERVICES',
  MUNICIPAL_FACILITIES = 'MUNICIPAL_FACILITIES',
  INDUSTRY = 'INDUSTRY',
  TRANSPORT = 'TRANSPORT',
  WASTE = 'WASTE',
  AGRICULTURE_FORESTRY = 'AGRICULTURE_FORESTRY',
  OTHER = 'OTHER',
}

export enum EnergyCarrier {
  ELECTRICITY = 'ELECTRICITY',
  DISTRICT_HEATING = 'DISTRICT_HEATING',
  NATURAL_GAS = 'NATURAL_GAS',
  HEATING_OIL = 'HEATING_OIL',
  LPG = 'LPG',
  COAL = 'COAL',
  BIOMASS = 'BIOMASS',
  BIOGAS = 'BIOGAS',
  SOLAR_THERMAL = 'SOLAR_THERMAL',
  AMBIENT_HEAT = 'AMBIENT_HEAT',
  PETROL = 'PETROL',
  DIESEL = 'DIESEL',
  BIOFUELS = 'BIOFUELS',
  OTHER_RENEWABLE = 'OTHER_RENEWABLE',
  OTHER_FOSSIL = 'OTHER_FOSSIL',
  NOT_ENERGY = 'NOT_ENERGY',
}

export enum EmissionScope {
  SCOPE_1 = 'SCOPE_1',
  SCOPE_2 = 'SCOPE_2',
  SCOPE_3 = 'SCOPE_3',
  TERRITORIAL = 'TERRITORIAL',
}

export enum DataQuality {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

export enum NotationKey {
  NO = 'NO',
  IE = 'IE',
  NE = 'NE',
  C = 'C',
}

registerEnumType(InventoryStandard, {
  name: 'InventoryStandard',
  description:
    'The methodology of an inventory. When a member has inventories of several standards for one year, figures ' +
    '(progress, totals, latestInventory) use one of them, preferring in this order: BISKO, COM_BEI, COM_MEI, ' +
    'GPC_BASIC, GPC_BASIC_PLUS, OTHER.',
  valuesConfig: {
    BISKO: { description: 'BISKO (Bilanzierungs-Systematik Kommunal), the German/Austrian territorial standard.' },
    COM_BEI: { description: 'Covenant of Mayors Baseline Emission Inventory.' },
    COM_MEI: { description: 'Covenant of Mayors Monitoring Emission Inventory.' },
    GPC_BASIC: { description: 'GHG Protocol for Cities (GPC), BASIC level.' },
    GPC_BASIC_PLUS: { description: 'GHG Protocol for Cities (GPC), BASIC+ level.' },
    OTHER: { description: 'Another methodology.' },
  },
});
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'How far an inventory has been checked.',
  valuesConfig: {
    SELF_REPORTED: { description: 'Reported by the member, not reviewed.' },
    THIRD_PARTY_REVIEWED: { description: 'Reviewed by a third party.' },
    VERIFIED: { description: 'Formally verified.' },
    ESTIMATED: { description: 'Estimated (e.g. downscaled from national statistics).' },
  },
});
registerEnumType(Sector, { name: 'Sector', description: 'The sector an emission record belongs to.' });
registerEnumType(EnergyCarrier, {
  name: 'EnergyCarrier',
  description: 'The energy carrier of a record; NOT_ENERGY for non-energy emissions (waste, agriculture).',
});
registerEnumType(EmissionScope, {
  name: 'EmissionScope',
  description: 'GHG Protocol scope of a record, or TERRITORIAL for territorial (BISKO) accounting.',
});
registerEnumType(DataQuality, {
  name: 'DataQuality',
  description: 'Data quality of a value: A (measured primary data) to D (rough estimate), as in BISKO.',
});
registerEnumType(NotationKey, {
  name: 'NotationKey',
  description: 'Why a record has no value (UNFCCC notation keys); gaps are explicit, never silent zeros.',
  valuesConfig: {
    NO: { description: 'Not occurring.' },
    IE: { description: 'Included elsewhere (in another record).' },
    NE: { description: 'Not estimated.' },
    C: { description: 'Confidential.' },
  },
});
