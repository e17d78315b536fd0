import { UserInputError } from '../../common/errors';
import { requireMaxItems } from '../../common/validation';
import type { EmissionTotalsFilter } from '../../modules/emissions/emission-filter';
import { EmissionScope, EnergyCarrier, InventoryStandard, Sector } from '../../modules/emissions/emission.enums';
import { MemberCategory } from '../../modules/members/member.enums';

type QueryValue = string | string[] | undefined;

const ENUM_LISTS = {
  memberCategories: MemberCategory,
  sectors: Sector,
  energyCarriers: EnergyCarrier,
  standards: InventoryStandard,
  scopes: EmissionScope,
} as const;
const TEXT_LISTS = ['countryCodes', 'memberIds'] as const;
const YEARS = ['fromYear', 'toYear'] as const;
export const EXPORT_PARAMETERS = [...TEXT_LISTS, ...Object.keys(ENUM_LISTS), ...YEARS];

/** `a,b` or repeated `x=a&x=b` → ['a', 'b']. */
function list(field: string, value: QueryValue): string[] {
  const items = (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  requireMaxItems(field, items);
  return items;
}

function year(field: string, value: QueryValue): number {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  if (!/^\d{4}$/.test(text)) throw new UserInputError(field, `must be a four-digit year, got "${text}"`);
  return Number(text);
}

/** The export's query string as an EmissionTotalsFilter; field paths name the query parameter. */
export function exportFilter(query: Record<string, QueryValue>): EmissionTotalsFilter {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!EXPORT_PARAMETERS.includes(name)) {
      throw new UserInputError(name, `unknown query parameter; use ${EXPORT_PARAMETERS.join(', ')}`);
    }
    if ((YEARS as readonly string[]).includes(name)) filter[name] = year(name, value);
    else if ((TEXT_LISTS as readonly string[]).includes(name)) filter[name] = list(name, value);
    else {
      const allowed: string[] = Object.values(ENUM_LISTS[name as keyof typeof ENUM_LISTS]);
      filter[name] = list(name, value).map((item, index) => {
        if (!allowed.includes(item)) {
          throw new UserInputError(`${name}[${index}]`, `"${item}" is not one of ${allowed.join(', ')}`);
        }
        return item;
      });
    }
  }
  return filter as EmissionTotalsFilter;
}
