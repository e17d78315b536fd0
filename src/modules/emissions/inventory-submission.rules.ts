import { UserInputError } from '../../common/errors';
import { MAX_LIST_ITEMS } from '../../config/limits';
import { optionalText, requireIntInRange, requireMaxItems, requireText, requireUrl } from '../../common/validation';
import type {
  DataSourceInput,
  EmissionInventoryInput,
  EmissionRecordInput,
  EnergyLineInput,
  InventoryHeaderInput,
} from './emission-inventory.inputs';
import { type DataQuality, type EmissionScope, EnergyCarrier, type NotationKey, type Sector } from './emission.enums';

export const FIRST_INVENTORY_YEAR = 1990;
/** As for every list argument (the GraphQL boundary refuses longer ones first). */
export const MAX_RECORDS_PER_INVENTORY = MAX_LIST_ITEMS;
/** Below the columns' numeric(16,3) limit, and far above any real municipality or region. */
const MAX_QUANTITY = 1e12;

export interface ValidRecord {
  sector: Sector;
  energyCarrier: EnergyCarrier;
  scope: EmissionScope;
  finalEnergyMwh: number | null;
  emissionsTco2e: number | null;
  dataQuality: DataQuality | null;
  notationKey: NotationKey | null;
  notationExplanation: string | null;
}

export interface ValidDataSource {
  name: string;
  publisher: string | null;
  url: string | null;
  retrievedAt: Date | null;
  licence: string | null;
}

function quantity(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0 || value >= MAX_QUANTITY) {
    throw new UserInputError(field, `must be a finite number from 0 to below ${MAX_QUANTITY}, got ${value}`);
  }
  return value;
}

function validRecord(record: EmissionRecordInput, field: string): ValidRecord {
  const emissionsTco2e = quantity(`${field}.emissionsTco2e`, record.emissionsTco2e);
  const finalEnergyMwh = quantity(`${field}.finalEnergyMwh`, record.finalEnergyMwh);
  const notationKey = record.notationKey ?? null;
  const base = { sector: record.sector, energyCarrier: record.energyCarrier, scope: record.scope };
  if (notationKey === null) {
    if (emissionsTco2e === null) {
      throw new UserInputError(`${field}.emissionsTco2e`, 'is required unless a notation key explains the gap');
    }
    if (record.notationExplanation != null) {
      throw new UserInputError(`${field}.notationExplanation`, 'is only allowed with a notation key');
    }
    const dataQuality = record.dataQuality ?? null;
    return { ...base, emissionsTco2e, finalEnergyMwh, dataQuality, notationKey, notationExplanation: null };
  }
  if (emissionsTco2e !== null) {
    throw new UserInputError(`${field}.notationKey`, 'give either emissionsTco2e or a notation key, not both');
  }
  if (finalEnergyMwh !== null) {
    throw new UserInputError(`${field}.finalEnergyMwh`, 'must be empty when a notation key is given');
  }
  if (record.dataQuality != null) {
    throw new UserInputError(`${field}.dataQuality`, 'must be empty when a notation key is given');
  }
  const notationExplanation = requireText(`${field}.notationExplanation`, record.notationExplanation ?? '', 500);
  return { ...base, emissionsTco2e, finalEnergyMwh, dataQuality: null, notationKey, notationExplanation };
}

/** Checks each line of `list` (`input.<name>`) with `check`: at most 100, at least one, one per sector × carrier × scope. */
function validLines<I extends Pick<EmissionRecordInput, 'sector' | 'energyCarrier' | 'scope'>, O>(
  name: string,
  lines: I[],
  check: (line: I, field: string) => O,
): O[] {
  requireMaxItems(`input.${name}`, lines, MAX_RECORDS_PER_INVENTORY);
  if (lines.length === 0) throw new UserInputError(`input.${name}`, 'an inventory needs at least one record');
  const seen = new Map<string, number>();
  return lines.map((record, index) => {
    const field = `input.${name}[${index}]`;
    const line = `${record.sector}/${record.energyCarrier}/${record.scope}`;
    const earlier = seen.get(line);
    if (earlier !== undefined) {
      throw new UserInputError(field, `${line} is already given in input.${name}[${earlier}]`);
    }
    seen.set(line, index);
    return check(record, field);
  });
}

/** Checks every record; field paths name the offending record, e.g. `input.records[3].emissionsTco2e`. */
export function validRecords(records: EmissionRecordInput[]): ValidRecord[] {
  return validLines('records', records, validRecord);
}

/** A line of an energy balance, checked; its emissions are computed from a factor set afterwards. */
export interface ValidEnergyLine {
  sector: Sector;
  energyCarrier: EnergyCarrier;
  scope: EmissionScope;
  finalEnergyMwh: number;
  dataQuality: DataQuality | null;
}

/** Checks every line of an energy balance, e.g. `input.lines[2].finalEnergyMwh` must be finite and ≥ 0. */
export function validEnergyLines(lines: EnergyLineInput[]): ValidEnergyLine[] {
  return validLines('lines', lines, (line, field) => {
    if (line.energyCarrier === EnergyCarrier.NOT_ENERGY) {
      throw new UserInputError(
        `${field}.energyCarrier`,
        'NOT_ENERGY has no energy to compute from: submit non-energy emissions with submitEmissionInventory',
      );
    }
    return {
      sector: line.sector,
      energyCarrier: line.energyCarrier,
      scope: line.scope,
      finalEnergyMwh: quantity(`${field}.finalEnergyMwh`, line.finalEnergyMwh)!,
      dataQuality: line.dataQuality ?? null,
    };
  });
}

export function validInventoryYear(year: number): number {
  return requireIntInRange('input.year', year, FIRST_INVENTORY_YEAR, new Date().getUTCFullYear());
}

export function validDataSource(source: DataSourceInput): ValidDataSource {
  const url =
    source.url == null || source.url.trim() === '' ? null : requireUrl('input.dataSource.url', source.url, 500);
  return {
    name: requireText('input.dataSource.name', source.name),
    publisher: optionalText('input.dataSource.publisher', source.publisher),
    url,
    retrievedAt: source.retrievedAt ?? null,
    licence: optionalText('input.dataSource.licence', source.licence, 100),
  };
}

export interface ValidHeader {
  year: number;
  toolName: string | null;
  dataSource: ValidDataSource | null;
}

export function validHeader(input: InventoryHeaderInput): ValidHeader {
  if (input.dataSourceId != null && input.dataSource != null) {
    throw new UserInputError('input.dataSource', 'give either dataSourceId or dataSource, not both');
  }
  return {
    year: validInventoryYear(input.year),
    toolName: optionalText('input.toolName', input.toolName, 100),
    dataSource: input.dataSource ? validDataSource(input.dataSource) : null,
  };
}

export function validSubmission(input: EmissionInventoryInput) {
  return { ...validHeader(input), records: validRecords(input.records) };
}
