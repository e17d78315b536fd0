/**
 * The GraphQL types whose visibility follows consent decisions, or that are those decisions and their log. A decision
 * applies from the very next request on, so whatever serves these types must not answer from stale data (the HTTP
 * layer reads them on the primary, never on a lagging replica). A new governed type is added here.
 */
export const GOVERNED_TYPES: ReadonlySet<string> = new Set([
  'IndigenousOrganisation',
  'IndigenousTerritory',
  'Partnership',
  'BiodiversityProject',
  'BiodiversityTotal',
  'Contribution',
  'ConsentRecord',
  'AccessLog',
]);
