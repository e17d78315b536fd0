import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import type { CyclingPledge, CyclingResult } from './city-cycling.data';

/** Kilograms of CO2 avoided per kilometre cycled instead of driven: this example's assumption, not an official factor. */
export const CO2_AVOIDED_KG_PER_KM = 0.15;
export const MAX_RANKING_SIZE = 500;

/**
 * The partner's SDL. `Member` is the Climate Alliance's entity: this subgraph declares only its key (`id`) and adds
 * its own field; the gateway fetches every other `Member` field from the Climate Alliance subgraph. `IndigenousOrganisation`
 * and `BiodiversityProject` are only pointed at (`resolvable: false`): this subgraph returns their key, nothing more.
 */
export const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])

  type Query {
    "City Cycling results of one campaign year, most kilometres first."
    cityCyclingRanking(
      "The campaign year, e.g. 2024."
      year: Int!
      "How many results to return, from 1 to 500."
      first: Int = 20
    ): [CityCyclingResult!]!
  }

  type Member @key(fields: "id") {
    id: ID!
    "The member's City Cycling results, one per campaign year it took part in, oldest first."
    cityCyclingResults: [CityCyclingResult!]!
  }

  "What one member's residents cycled in one City Cycling campaign year."
  type CityCyclingResult {
    "The Climate Alliance member; null when the Climate Alliance does not know (or no longer has) this id."
    member: Member
    "The campaign year."
    year: Int!
    "How many people cycled for the member."
    cyclists: Int!
    "Kilometres cycled in the campaign's three weeks."
    kilometresCycled: Float!
    "CO2 avoided had those kilometres been driven by car, in kilograms."
    co2AvoidedKg: Float!
    "The member's pledge for this year, if it made one."
    pledge: CityCyclingPledge
  }

  "Money a member pledged for an indigenous partner of the Climate Alliance, per kilometre its residents cycle."
  type CityCyclingPledge {
    "Euros per 100 kilometres cycled."
    eurPer100Km: Float!
    "The pledged total for the campaign year, in euros."
    amountEur: Float!
    "The indigenous organisation receiving the money; null when the Climate Alliance does not know this id."
    organisation: IndigenousOrganisation
    "The biodiversity project the money funds, if one in particular; null too when the viewer may not see it."
    project: BiodiversityProject
  }

  type IndigenousOrganisation @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type BiodiversityProject @key(fields: "id", resolvable: false) {
    id: ID!
  }
`);

function byKilometresDescending(a: CyclingResult, b: CyclingResult): number {
  return b.kilometresCycled - a.kilometresCycled;
}

/** Resolvers over in-memory results; a member with no results gets an empty list, never an error. */
export function resolvers(results: CyclingResult[]): GraphQLResolverMap {
  return {
    Query: {
      cityCyclingRanking(_parent: unknown, args: { year: number; first: number }) {
        if (args.first < 1 || args.first > MAX_RANKING_SIZE) {
          throw new GraphQLError(`first must be between 1 and ${MAX_RANKING_SIZE}`, {
            extensions: { code: 'BAD_USER_INPUT', field: 'first' },
          });
        }
        return results
          .filter((result) => result.year === args.year)
          .sort(byKilometresDescending)
          .slice(0, args.first);
      },
    },
    Member: {
      // a representation `{ __typename: "Member", id }` is all this subgraph needs: no lookup, no __resolveReference
      cityCyclingResults(member: { id: string }) {
        return results.filter((result) => result.memberId === member.id).sort((a, b) => a.year - b.year);
      },
    },
    CityCyclingResult: {
      member: (result: CyclingResult) => ({ id: result.memberId }),
      co2AvoidedKg: (result: CyclingResult) => Math.round(result.kilometresCycled * CO2_AVOIDED_KG_PER_KM),
      pledge: (result: CyclingResult) =>
        result.pledge ? { ...result.pledge, kilometresCycled: result.kilometresCycled } : null,
    },
    CityCyclingPledge: {
      amountEur: (pledge: CyclingPledge & { kilometresCycled: number }) =>
        Math.round(pledge.kilometresCycled * pledge.eurPer100Km) / 100,
      organisation: (pledge: CyclingPledge) => ({ id: pledge.organisationId }),
      project: (pledge: CyclingPledge) => (pledge.projectId ? { id: pledge.projectId } : null),
    },
  };
}

/** The City Cycling subgraph schema over `results`. */
export function cityCyclingSchema(results: CyclingResult[]): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers(results) }]);
}
