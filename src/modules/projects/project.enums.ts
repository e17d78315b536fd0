import { registerEnumType } from 'type-graphql';

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
}

export enum ProjectTheme {
  FOREST_PROTECTION = 'FOREST_PROTECTION',
  TERRITORIAL_RIGHTS = 'TERRITORIAL_RIGHTS',
  RESTORATION = 'RESTORATION',
  AGROFORESTRY = 'AGROFORESTRY',
  SUSTAINABLE_LIVELIHOODS = 'SUSTAINABLE_LIVELIHOODS',
  BIODIVERSITY_MONITORING = 'BIODIVERSITY_MONITORING',
  WATER_PROTECTION = 'WATER_PROTECTION',
  CLIMATE_ADAPTATION = 'CLIMATE_ADAPTATION',
  RENEWABLE_ENERGY = 'RENEWABLE_ENERGY',
  EDUCATION_AND_CULTURE = 'EDUCATION_AND_CULTURE',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a biodiversity project stands.',
  valuesConfig: {
    PLANNED: { description: 'Agreed, not started.' },
    ACTIVE: { description: 'Running.' },
    COMPLETED: { description: 'Finished as planned.' },
    SUSPENDED: { description: 'On hold.' },
    CANCELLED: { description: 'Stopped for good.' },
  },
});

registerEnumType(ProjectTheme, {
  name: 'ProjectTheme',
  description: 'What a biodiversity project works on.',
  valuesConfig: {
    FOREST_PROTECTION: { description: 'Protecting standing forest, e.g. territorial monitoring and patrols.' },
    TERRITORIAL_RIGHTS: { description: 'Demarcation, titling and defence of territories.' },
    RESTORATION: { description: 'Restoring degraded land and forest.' },
    AGROFORESTRY: { description: 'Agroforestry and traditional gardens (chacras, roças).' },
    SUSTAINABLE_LIVELIHOODS: { description: 'Income from the standing forest: crafts, non-timber products.' },
    BIODIVERSITY_MONITORING: { description: 'Community monitoring of species and ecosystems.' },
    WATER_PROTECTION: { description: 'Rivers, fisheries and drinking water.' },
    CLIMATE_ADAPTATION: { description: 'Adapting to drought, floods and fire.' },
    RENEWABLE_ENERGY: { description: 'Solar power and other renewable energy for communities.' },
    EDUCATION_AND_CULTURE: { description: 'Intercultural education, languages and traditional knowledge.' },
  },
});
