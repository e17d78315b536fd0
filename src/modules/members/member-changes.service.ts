import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import {
  optionalText,
  requireDateOrder,
  requireInRange,
  requireIntInRange,
  requireMaxItems,
  requireNonNegative,
  requireText,
  requireUrl,
  requireUuid,
} from '../../common/validation';
import { CoordinationOffice } from './coordination-office.entity';
import { Country } from './country.entity';
import { requireKnownCountry } from './country.service';
import type { Member } from './member.entity';
import type { MemberUpdate, PopulationInput } from './member.inputs';
import { PopulationRecord } from './population-record.entity';

const FIRST_POPULATION_YEAR = 1950;

function validPopulations(populations: PopulationInput[]): PopulationInput[] {
  requireMaxItems('input.populations', populations);
  const years = new Set<number>();
  const lastYear = new Date().getUTCFullYear();
  populations.forEach((record, index) => {
    requireIntInRange(`input.populations[${index}].year`, record.year, FIRST_POPULATION_YEAR, lastYear);
    requireIntInRange(`input.populations[${index}].population`, record.population, 0, 2_000_000_000);
    if (years.has(record.year))
      throw new UserInputError(`input.populations[${index}].year`, `year ${record.year} is given twice`);
    years.add(record.year);
  });
  return populations;
}

/** Validates every given field first, then applies them; nothing is changed when any field is invalid. */
export async function applyMemberChanges(ctx: RequestContext, member: Member, input: MemberUpdate): Promise<void> {
  const changes: Partial<Member> = {};
  if (input.name != null) changes.name = requireText('input.name', input.name);
  if (input.category != null) changes.category = input.category;
  if (input.membershipType != null) changes.membershipType = input.membershipType;
  if (input.status != null) changes.status = input.status;
  if (input.countryCode != null) {
    const code = await requireKnownCountry(ctx, 'input.countryCode', input.countryCode);
    changes.country = ctx.em.getReference(Country, code, { wrapped: true });
  }
  if (input.coordinationOfficeId !== undefined) {
    if (input.coordinationOfficeId === null) changes.coordinationOffice = null;
    else {
      const id = requireUuid('input.coordinationOfficeId', input.coordinationOfficeId);
      const office = await ctx.em.findOne(CoordinationOffice, { id });
      if (!office) throw new UserInputError('input.coordinationOfficeId', `no coordination office has id ${id}`);
      changes.coordinationOffice = ctx.em.getReference(CoordinationOffice, id, { wrapped: true });
    }
  }
  if (input.joinedOn !== undefined) changes.joinedOn = input.joinedOn;
  if (input.leftOn !== undefined) changes.leftOn = input.leftOn;
  // an explicit null clears a date, so fall back to the stored value only when the input leaves it out
  const dates = { joinedOn: member.joinedOn, leftOn: member.leftOn, ...changes };
  requireDateOrder(input.leftOn !== undefined ? 'input.leftOn' : 'input.joinedOn', dates.joinedOn, dates.leftOn);
  if (input.councilResolutionRef !== undefined) {
    changes.councilResolutionRef = optionalText('input.councilResolutionRef', input.councilResolutionRef);
  }
  if (input.latitude !== undefined) {
    changes.latitude = input.latitude === null ? null : requireInRange('input.latitude', input.latitude, -90, 90);
  }
  if (input.longitude !== undefined) {
    changes.longitude = input.longitude === null ? null : requireInRange('input.longitude', input.longitude, -180, 180);
  }
  if (input.areaKm2 !== undefined) {
    changes.areaKm2 = input.areaKm2 === null ? null : requireNonNegative('input.areaKm2', input.areaKm2);
  }
  if (input.website !== undefined)
    changes.website = input.website === null ? null : requireUrl('input.website', input.website, 300);
  const populations = input.populations ? validPopulations(input.populations) : [];
  if (!member.country && !changes.country) throw new UserInputError('input.countryCode', 'is required');

  Object.assign(member, changes);
  if (populations.length) await upsertPopulations(ctx, member, populations);
}

async function upsertPopulations(ctx: RequestContext, member: Member, populations: PopulationInput[]): Promise<void> {
  const existing = member.id
    ? await ctx.em.find(PopulationRecord, {
        member: member.id,
        year: { $in: populations.map((record) => record.year) },
      })
    : [];
  for (const record of populations) {
    const row = existing.find((candidate) => candidate.year === record.year);
    if (row) row.population = record.population;
    else ctx.em.persist(ctx.em.create(PopulationRecord, { member, year: record.year, population: record.population }));
  }
}
