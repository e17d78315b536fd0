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

/**
 * Demo figures for a few members of the Climate Alliance demo data set (`npm start` seeds them with these ids).
 * A real partner keeps these in its own database; the shape of the subgraph stays the same.
 */
export const DEMO_RESULTS: CyclingResult[] = [
  { memberId: '5102e481-5819-57bd-90c6-e369a04809b2', year: 2023, cyclists: 5_120, kilometresCycled: 1_046_300 }, // Wien
  { memberId: '5102e481-5819-57bd-90c6-e369a04809b2', year: 2024, cyclists: 5_870, kilometresCycled: 1_212_900 },
  { memberId: '34434c08-2691-52ae-b3c9-436de13d52d8', year: 2024, cyclists: 2_310, kilometresCycled: 498_100 }, // Graz
  { memberId: '99a1a221-5f89-5b13-834d-fdb961d63b85', year: 2023, cyclists: 4_480, kilometresCycled: 903_700 }, // Frankfurt am Main
  { memberId: '99a1a221-5f89-5b13-834d-fdb961d63b85', year: 2024, cyclists: 4_950, kilometresCycled: 987_400 },
  { memberId: 'c67df666-ffbd-5855-a3a8-133198172360', year: 2024, cyclists: 9_820, kilometresCycled: 2_104_600 }, // München
  { memberId: '875e77bb-f48c-5f2c-90f7-e11d8535c270', year: 2024, cyclists: 3_060, kilometresCycled: 611_200 }, // Bremen
  { memberId: '78f0821f-77f9-5690-be4c-01f04a6746e9', year: 2024, cyclists: 1_240, kilometresCycled: 256_800 }, // Bozen/Bolzano
];
