/** Where the caller's key goes; the explorer sends no Authorization header until a key follows "Bearer". */
export const AUTHORIZATION_HEADERS = '{\n  "Authorization": "Bearer "\n}';

/**
 * The explorer's preloaded tabs: the queries of the README's "Example queries", in its order, named so that each tab has a
 * title (test/http/explorer-examples.test.ts keeps them equal to the README's).
 */
export const EXAMPLE_QUERIES: string[] = [
  `# A dashboard's view of members in Luxembourg, with their population and country
query MembersInLuxembourg {
  members(first: 5, filter: { countryCodes: ["LU"] }, orderBy: { field: POPULATION, direction: DESC }) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      category
      status
      joinedOn
      population
      country {
        name
      }
      coordinationOffice {
        name
      }
    }
  }
}
`,
  `# Members whose name contains "wien"
query MembersNamedWien {
  members(first: 3, filter: { nameContains: "wien" }) {
    nodes {
      name
      population
    }
  }
}
`,
  `# Who am I: put your API key after "Bearer" in the Headers tab below
query WhoAmI {
  viewer {
    role
    memberId
    organisationId
  }
}
`,
];
