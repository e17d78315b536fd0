import { CountryRegion } from '../../src/modules/members/member.enums';

/** The 27 member countries as of October 2024 (26 in Europe, Peru in the Amazon Basin) and the other Amazon countries. */
export const COUNTRIES: { code: string; name: string; region: CountryRegion; isMemberCountry: boolean }[] = [
  ['AT', 'Austria'],
  ['BY', 'Belarus'],
  ['BE', 'Belgium'],
  ['BG', 'Bulgaria'],
  ['HR', 'Croatia'],
  ['CZ', 'Czech Republic'],
  ['DK', 'Denmark'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['GE', 'Georgia'],
  ['DE', 'Germany'],
  ['HU', 'Hungary'],
  ['IE', 'Ireland'],
  ['IT', 'Italy'],
  ['LU', 'Luxembourg'],
  ['MK', 'North Macedonia'],
  ['NL', 'Netherlands'],
  ['PL', 'Poland'],
  ['PT', 'Portugal'],
  ['RO', 'Romania'],
  ['SK', 'Slovakia'],
  ['SI', 'Slovenia'],
  ['ES', 'Spain'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['UA', 'Ukraine'],
]
  .map(([code, name]) => ({ code, name, region: CountryRegion.EUROPE, isMemberCountry: true }))
  .concat(
    [
      ['PE', 'Peru', true],
      ['BO', 'Bolivia', false],
      ['BR', 'Brazil', false],
      ['CO', 'Colombia', false],
      ['EC', 'Ecuador', false],
      ['GF', 'French Guiana', false],
      ['GY', 'Guyana', false],
      ['SR', 'Suriname', false],
      ['VE', 'Venezuela', false],
    ].map(([code, name, isMemberCountry]) => ({
      code: code as string,
      name: name as string,
      region: CountryRegion.AMAZON_BASIN,
      isMemberCountry: isMemberCountry as boolean,
    })),
  );

/** National coordination offices and the European Secretariat, which coordinates Germany. */
export const COORDINATION_OFFICES = [
  { countryCode: 'AT', name: 'Klimabündnis Österreich', website: 'https://www.klimabuendnis.at' },
  { countryCode: 'DE', name: 'Climate Alliance European Secretariat', website: 'https://www.climatealliance.org' },
  { countryCode: 'IT', name: 'Alleanza per il Clima Italia', website: 'https://www.climatealliance.it' },
  { countryCode: 'LU', name: 'Klima-Bündnis Lëtzebuerg', website: 'https://www.klimabuendnis.lu' },
  { countryCode: 'CH', name: 'Klima-Bündnis Schweiz', website: 'https://www.klimabuendnis.ch' },
  { countryCode: 'HU', name: 'Klímabarát Települések Szövetsége', website: 'https://www.klimabarat.hu' },
  { countryCode: 'NL', name: 'Klimaatverbond Nederland', website: 'https://www.klimaatverbond.nl' },
];
