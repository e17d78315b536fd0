import DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '../../common/loaders';
import { defineLoader, type RequestContext } from '../../common/context';
import type { Knex } from '@mikro-orm/postgresql';
import { type KeyedPlan, plannedObject, type ReadPlan, selectPlanned } from '../../common/read-plan';
import { isUuid } from '../../common/validation';
import { cachedRows } from '../../common/statement-cache.sql';
import type { Selection } from '../../common/selection';
import { CoordinationOffice } from './coordination-office.entity';
import { Country } from './country.entity';
import { Member } from './member.entity';
import type { MemberParent } from './member-parent';
import { keyedMemberPlan } from './member-plan';
import { PopulationRecord } from './population-record.entity';

export const memberById = defineLoader(
  (ctx) =>
    new DataLoader<string, Member | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(Member, { id: { $in: [...ids] } }), (member) => member.id, null),
    ),
);

/** The loader of each selection: a selection belongs to one execution, so to one request. */
const selectionLoaders = new WeakMap<Selection, DataLoader<string, Member | null>>();

/**
 * Members by id as plain objects with the columns `selection` asks: one loader per shape of selection, so one
 * statement per batch of alike reads. Found once per selection (the 50 references of one `_entities` field share it).
 */
export function plannedMemberById(ctx: RequestContext, selection: Selection): DataLoader<string, Member | null> {
  let loader = selectionLoaders.get(selection);
  if (!loader) {
    const { plan, key } = keyedMemberPlan(ctx, selection);
    loader = ctx.loaders.get(
      `plannedMemberById ${key}`,
      () =>
        new DataLoader<string, Member | null>(async (ids) => {
          const members = membersOf(await memberRows(ctx, plan, key, ids), plan);
          return byKeys(ids, members, (member) => member.id, null);
        }),
    );
    selectionLoaders.set(selection, loader);
  }
  return loader;
}

/** Plain objects with the selected properties of Member: the resolvers read nothing else. */
function membersOf(rows: Record<string, unknown>[], plan: ReadPlan): Member[] {
  return rows.map((row) => plannedObject(row, plan) as unknown as Member);
}

/**
 * The member `id` (valid, lower case) read by `keyed` at once, without a loader: for a field that nothing can be
 * batched with. The same statement as a batch of one id.
 */
export function plannedMember(ctx: RequestContext, keyed: KeyedPlan, id: string): Promise<Member | null> {
  return memberRows(ctx, keyed.plan, keyed.key, [id]).then(
    (rows) => membersOf(rows, keyed.plan).find((member) => member.id === id) ?? null,
  );
}

/**
 * The members of `ids` (any strings: what is not a UUID is no member) read by `keyed` in one statement, in their
 * order, null where there is none, each as a loader of `keyed` would give it: the distinct ids in order of first
 * appearance, one object per id. When the statement fails, what it would have given is that failure.
 */
export function plannedMembersOf(
  ctx: RequestContext,
  keyed: KeyedPlan,
  ids: readonly string[],
): Promise<(Member | null | Promise<never>)[]> {
  const valid = ids.map((id) => (isUuid(id) ? id.toLowerCase() : null));
  const distinct = [...new Set(valid.filter((id) => id !== null))];
  if (!distinct.length) return Promise.resolve(valid.map(() => null));
  return memberRows(ctx, keyed.plan, keyed.key, distinct).then(
    (rows) => {
      const byId = new Map(membersOf(rows, keyed.plan).map((member) => [member.id, member]));
      return valid.map((id) => (id === null ? null : (byId.get(id) ?? null)));
    },
    (error: unknown) => valid.map((id) => (id === null ? null : Promise.reject(error))),
  );
}

/**
 * The rows of the members `ids` read by `plan`, as a prepared statement: one member by `id = $1`, whose plan
 * PostgreSQL keeps once it has run it a few times, more as one array (`= any($1)`: one text for batches of any size).
 */
function memberRows(
  ctx: RequestContext,
  plan: ReadPlan,
  key: string,
  ids: readonly string[],
): Promise<Record<string, unknown>[]> {
  const knex = ctx.reads.getKnex();
  const idColumn = `${plan.alias}.id`;
  const select = (where: (query: Knex.QueryBuilder) => Knex.QueryBuilder) =>
    selectPlanned(where(knex.from(`${plan.table} as ${plan.alias}`)), plan);
  if (ids.length === 1) {
    return cachedRows(knex, `memberById ${key}`, { id: ids[0] }, ({ id }) =>
      select((query) => query.whereRaw(`?? = ?::uuid`, [idColumn, id as string])),
    );
  }
  return cachedRows(knex, `memberById ${key}`, { ids: { whole: [...ids] } }, ({ ids: bound }) =>
    select((query) => query.whereRaw(`?? = any(?::uuid[])`, [idColumn, bound as string])),
  );
}

export const countryByCode = defineLoader(
  (ctx) =>
    new DataLoader<string, Country | null>(async (codes) =>
      byKeys(codes, await ctx.em.find(Country, { code: { $in: [...codes] } }), (country) => country.code, null),
    ),
);

export const coordinationOfficeById = defineLoader(
  (ctx) =>
    new DataLoader<string, CoordinationOffice | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(CoordinationOffice, { id: { $in: [...ids] } }), (office) => office.id, null),
    ),
);

/** Population records per member, oldest first. */
export const populationHistoryByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, PopulationRecord[]>(async (memberIds) =>
      groupByKeys(
        memberIds,
        await ctx.em.find(PopulationRecord, { member: { $in: [...memberIds] } }, { orderBy: { year: 'asc' } }),
        (record) => record.member.id,
      ),
    ),
);

/**
 * The latest population a member list read with a row, kept on the row's planned object under a symbol (no GraphQL
 * field reads it; cheaper than a WeakMap entry per row).
 */
const LISTED_POPULATION = Symbol('listedPopulation');

type Listed = { [LISTED_POPULATION]?: number | null };

/** Remembers the latest population read with a listed member, so its `population` field needs no load. */
export function rememberListedPopulation(member: object, population: number | null): void {
  (member as Listed)[LISTED_POPULATION] = population;
}

/** The latest population read with a listed member; undefined when it was not listed with it. */
export function listedPopulation(member: object): number | null | undefined {
  return (member as Listed)[LISTED_POPULATION];
}

/** The latest population of a member: the one read with it by its list, else loaded (batched). */
export function latestPopulationOf(ctx: RequestContext, member: MemberParent): number | null | Promise<number | null> {
  const listed = (member as Listed)[LISTED_POPULATION];
  return listed !== undefined ? listed : latestPopulationByMember(ctx).load(member.id);
}

/** The latest population per member. */
export const latestPopulationByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, number | null>(async (memberIds) => {
      const rows: { member_id: string; population: number }[] = await ctx.reads
        .getKnex()
        .select('member_id', 'population')
        .distinctOn('member_id')
        .from('population_record')
        .whereIn('member_id', [...memberIds])
        .orderBy([{ column: 'member_id' }, { column: 'year', order: 'desc' }]);
      return byKeys(memberIds, rows, (row) => row.member_id, null).map((row) => row?.population ?? null);
    }),
);
