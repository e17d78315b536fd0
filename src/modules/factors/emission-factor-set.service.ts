import { requireAdmin } from '../../auth/authorize';
import type { RequestContext } from '../../common/context';
import { conflict, notFound, UserInputError } from '../../common/errors';
import {
  optionalText,
  requireIntInRange,
  requireInRange,
  requireMaxItems,
  requireText,
  requireUrl,
  requireUuid,
} from '../../common/validation';
import { flushOrConflict } from '../../common/versioning';
import { EnergyCarrier } from '../emissions/emission.enums';
import { requireKnownCountry } from '../members/country.service';
import { EmissionFactorSet } from './emission-factor-set.entity';
import type {
  EmissionFactorCorrectionInput,
  EmissionFactorInput,
  EmissionFactorSetInput,
} from './emission-factor-set.inputs';
import { EmissionFactor } from './emission-factor.entity';
import type { FactorRow } from './factor-lookup';

/** Far above any real factor (lignite is about 1.2 t/MWh of electricity), and within the column's numeric(10,6). */
const MAX_FACTOR = 10;

const lineOf = (factor: FactorRow) => `${factor.energyCarrier}/${factor.countryCode ?? '*'}/${factor.year ?? '*'}`;

async function validFactors(ctx: RequestContext, factors: EmissionFactorInput[]): Promise<FactorRow[]> {
  requireMaxItems('input.factors', factors);
  if (factors.length === 0) throw new UserInputError('input.factors', 'a set needs at least one factor');
  const seen = new Map<string, number>();
  const valid: FactorRow[] = [];
  for (const [index, factor] of factors.entries()) {
    const field = `input.factors[${index}]`;
    if (factor.energyCarrier === EnergyCarrier.NOT_ENERGY) {
      throw new UserInputError(`${field}.energyCarrier`, 'NOT_ENERGY is no energy carrier: it has no factor per MWh');
    }
    const row: FactorRow = {
      energyCarrier: factor.energyCarrier,
      countryCode: factor.countryCode
        ? await requireKnownCountry(ctx, `${field}.countryCode`, factor.countryCode)
        : null,
      year: factor.year == null ? null : requireIntInRange(`${field}.year`, factor.year, 1990, 2100),
      tco2ePerMwh: requireInRange(`${field}.tco2ePerMwh`, factor.tco2ePerMwh, 0, MAX_FACTOR),
    };
    const earlier = seen.get(lineOf(row));
    if (earlier !== undefined)
      throw new UserInputError(field, `${lineOf(row)} is already given in input.factors[${earlier}]`);
    seen.set(lineOf(row), index);
    valid.push(row);
  }
  return valid;
}

function storeFactors(ctx: RequestContext, set: EmissionFactorSet, factors: readonly FactorRow[]): void {
  for (const { energyCarrier, countryCode, year, tco2ePerMwh } of factors) {
    ctx.em.create(EmissionFactor, { set, energyCarrier, countryCode, year, tco2ePerMwh });
  }
}

/** A new set, version 1 of a name no set has. ADMIN only. */
export async function createEmissionFactorSet(
  ctx: RequestContext,
  input: EmissionFactorSetInput,
): Promise<EmissionFactorSet> {
  requireAdmin(ctx.viewer, 'createEmissionFactorSet');
  const name = requireText('input.name', input.name);
  const sourceUrl = requireUrl('input.sourceUrl', input.sourceUrl, 500);
  const licence = requireText('input.licence', input.licence, 100);
  const description = optionalText('input.description', input.description, 5000);
  const factors = await validFactors(ctx, input.factors);
  if (await ctx.em.count(EmissionFactorSet, { name })) {
    throw new UserInputError('input.name', `a set "${name}" exists; correct it with correctEmissionFactorSet`);
  }
  const set = ctx.em.create(EmissionFactorSet, {
    name,
    version: 1,
    standard: input.standard,
    sourceUrl,
    licence,
    description,
  });
  storeFactors(ctx, set, factors);
  await flushOrConflict(ctx.em, 'EmissionFactorSet', name, 0, { insertRace: true });
  return set;
}

/**
 * The next version of a set: its factors with the given ones replacing (or added to) those of the same carrier,
 * country and year. Only the newest version can be corrected, so corrections never fork. ADMIN only.
 */
export async function correctEmissionFactorSet(
  ctx: RequestContext,
  input: EmissionFactorCorrectionInput,
): Promise<EmissionFactorSet> {
  requireAdmin(ctx.viewer, 'correctEmissionFactorSet');
  const setId = requireUuid('input.setId', input.setId);
  const sourceUrl = input.sourceUrl == null ? null : requireUrl('input.sourceUrl', input.sourceUrl, 500);
  const licence = input.licence == null ? null : requireText('input.licence', input.licence, 100);
  const description = optionalText('input.description', input.description, 5000);
  const changes = await validFactors(ctx, input.factors);
  const previous = await ctx.em.findOne(EmissionFactorSet, setId);
  if (!previous) throw notFound('input.setId', 'EmissionFactorSet', setId);
  const newest = await ctx.em.findOne(EmissionFactorSet, { name: previous.name }, { orderBy: { version: 'desc' } });
  if (newest!.version !== previous.version) throw conflict('EmissionFactorSet', setId, previous.version);
  const kept = await ctx.em.find(EmissionFactor, { set: setId });
  const changed = new Set(changes.map(lineOf));
  const set = ctx.em.create(EmissionFactorSet, {
    name: previous.name,
    version: previous.version + 1,
    standard: previous.standard,
    sourceUrl: sourceUrl ?? previous.sourceUrl,
    licence: licence ?? previous.licence,
    description: description ?? previous.description,
  });
  storeFactors(ctx, set, [...kept.filter((factor) => !changed.has(lineOf(factor))), ...changes]);
  // two corrections of one version at once: the second insert breaks the unique (name, version)
  await flushOrConflict(ctx.em, 'EmissionFactorSet', setId, previous.version, { insertRace: true });
  return set;
}
