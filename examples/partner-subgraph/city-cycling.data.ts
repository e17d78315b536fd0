/** Money a member pledged for an indigenous partner of the Climate Alliance, per kilometre its residents cycle. */
export interface CyclingPledge {
  eurPer100Km: number;
  /** The Climate Alliance `IndigenousOrganisation.id` receiving the money. */
  organisationId: string;
  /** The Climate Alliance `BiodiversityProject.id` it funds, when it funds one in particular. */
  projectId: string | null;
}

/** What one member's residents cycled in one City Cycling campaign year (three weeks, May to September). */
export interface CyclingResult {
  /** The Climate Alliance `Member.id` this result belongs to: the key the two subgraphs share. */
  memberId: string;
  year: number;
  cyclists: number;
  kilometresCycled: number;
  pledge?: CyclingPledge;
}

/** Climate Alliance ids of the demo data set's indigenous organisations and biodiversity projects that pledges go to. */
const FOIRN = '7077b727-eb58-5c6f-8ea6-cb957caaab42';
const CART = '22b8e0e8-2345-53c9-b672-1c9791bcbc7c';
const CONFENIAE = 'b0f8f593-0369-5b33-85b6-5ad940e0d035';
const CIR = '4dcafec9-3059-54bc-9809-85e688f02610';
const COICA = 'ccc67eca-8e78-54e8-a3ba-a6f259c4f1dc';
const RIO_NEGRO_MANAGEMENT = '8aad10d1-4a0b-593a-a4dc-5e761b9f3ee8';
const ASHANINKA_RESERVE = '608c3959-ffda-539e-8564-1c7056f3548a'; // visible to API keys only (NETWORK)
const SOLAR_COMMUNITIES = 'e359546d-8f93-5fbb-8cff-73b1e618fc40';
const FIRE_BRIGADES = 'a7461d76-e80e-5a30-aab1-d55f2bfa188e';

/**
 * Demo figures for a few members of the Climate Alliance demo data set (`npm start` seeds them with these ids).
 * A real partner keeps these in its own database; the shape of the subgraph stays the same.
 */
export const DEMO_RESULTS: CyclingResult[] = [
  // Wien
  { memberId: '5102e481-5819-57bd-90c6-e369a04809b2', year: 2023, cyclists: 5_120, kilometresCycled: 1_046_300 },
  {
    memberId: '5102e481-5819-57bd-90c6-e369a04809b2',
    year: 2024,
    cyclists: 5_870,
    kilometresCycled: 1_212_900,
    pledge: { eurPer100Km: 1.5, organisationId: FOIRN, projectId: RIO_NEGRO_MANAGEMENT },
  },
  // Graz
  {
    memberId: '34434c08-2691-52ae-b3c9-436de13d52d8',
    year: 2024,
    cyclists: 2_310,
    kilometresCycled: 498_100,
    pledge: { eurPer100Km: 1, organisationId: COICA, projectId: null },
  },
  // Frankfurt am Main
  { memberId: '99a1a221-5f89-5b13-834d-fdb961d63b85', year: 2023, cyclists: 4_480, kilometresCycled: 903_700 },
  { memberId: '99a1a221-5f89-5b13-834d-fdb961d63b85', year: 2024, cyclists: 4_950, kilometresCycled: 987_400 },
  // München
  {
    memberId: 'c67df666-ffbd-5855-a3a8-133198172360',
    year: 2024,
    cyclists: 9_820,
    kilometresCycled: 2_104_600,
    pledge: { eurPer100Km: 1, organisationId: CART, projectId: ASHANINKA_RESERVE },
  },
  // Bremen
  {
    memberId: '875e77bb-f48c-5f2c-90f7-e11d8535c270',
    year: 2024,
    cyclists: 3_060,
    kilometresCycled: 611_200,
    pledge: { eurPer100Km: 2, organisationId: CIR, projectId: FIRE_BRIGADES },
  },
  // Bozen/Bolzano
  {
    memberId: '78f0821f-77f9-5690-be4c-01f04a6746e9',
    year: 2024,
    cyclists: 1_240,
    kilometresCycled: 256_800,
    pledge: { eurPer100Km: 2, organisationId: CONFENIAE, projectId: SOLAR_COMMUNITIES },
  },
];
