import type { RequestContext } from '../../common/context';
import type { ExportParameters } from '../../common/exports/export-params';
import { requireUuids, requireYearRange } from '../../common/validation';
import { requireKnownCountries } from './country.service';

/** Checks what an export's spec cannot: that countries exist, member ids are UUIDs, and the years are in order. */
export async function validExportConditions(
  ctx: RequestContext,
  parameters: ExportParameters,
): Promise<ExportParameters> {
  const checked = { ...parameters };
  const { countryCodes, memberIds, fromYear, toYear } = parameters as {
    countryCodes?: string[];
    memberIds?: string[];
    fromYear?: number;
    toYear?: number;
  };
  if (countryCodes) checked.countryCodes = await requireKnownCountries(ctx, 'countryCodes', countryCodes);
  if (memberIds) checked.memberIds = requireUuids('memberIds', memberIds);
  requireYearRange('', { fromYear, toYear });
  return checked;
}
