import { bool, double, enumOf, int, text } from '../../common/exports/export-columns';
import type { ExportDefinition } from '../../common/exports/export-definition';
import { TEXT_LIST, YEAR } from '../../common/exports/export-params';
import { validExportConditions } from '../members/export-conditions';
import {
  CertificationClaim,
  CertificationScheme,
  CommitmentStatus,
  NonComplianceReason,
  ProcurementCompliance,
  TimberPolicyLevel,
  TimberProductCategory,
} from './timber.enums';

/**
 * One row per timber procurement with its member and commitment, as `TimberCommitment.procurements` serves them
 * (network-visible, which every role that may export sees), by member name, year and product category.
 */
export const TIMBER_PROCUREMENTS_EXPORT: ExportDefinition = {
  name: 'timber-procurements',
  action: 'The timber procurements export',
  columns: [
    text('procurement_id'),
    text('member_id'),
    text('member_name'),
    text('country_code'),
    text('commitment_id'),
    enumOf('policy_level', TimberPolicyLevel),
    enumOf('commitment_status', CommitmentStatus),
    int('year'),
    enumOf('product_category', TimberProductCategory),
    text('species'),
    bool('is_tropical'),
    double('volume_m3'),
    double('value_eur'),
    text('country_of_production_code'),
    enumOf('certification_scheme', CertificationScheme),
    enumOf('certification_claim', CertificationClaim),
    text('certificate_code'),
    text('due_diligence_reference'),
    enumOf('compliance', ProcurementCompliance),
    enumOf('non_compliance_reason', NonComplianceReason),
  ],
  parameters: { countryCodes: TEXT_LIST, memberIds: TEXT_LIST, fromYear: YEAR, toYear: YEAR },
  validate: validExportConditions,
  query(ctx, { countryCodes, memberIds, fromYear, toYear }) {
    const knex = ctx.reads.getKnex();
    const query = knex
      .from('timber_procurement as tp')
      .join('timber_commitment as tc', 'tc.id', 'tp.commitment_id')
      .join('member as m', 'm.id', 'tc.member_id')
      .select('tp.id as procurement_id', 'm.id as member_id', 'm.name as member_name', 'm.country_code')
      .select('tc.id as commitment_id', 'tc.policy_level', 'tc.status as commitment_status')
      .select('tp.year', 'tp.product_category', 'tp.species', 'tp.is_tropical')
      .select(knex.raw('trim_scale(tp.volume_m3)::text as volume_m3, trim_scale(tp.value_eur)::text as value_eur'))
      .select('tp.country_of_production_code', 'tp.certification_scheme', 'tp.certification_claim')
      .select('tp.certificate_code', 'tp.due_diligence_reference', 'tp.compliance', 'tp.non_compliance_reason')
      .orderBy(['m.name', 'm.id', 'tp.year', 'tp.product_category', 'tp.id']);
    if (Array.isArray(countryCodes)) query.whereIn('m.country_code', countryCodes);
    if (Array.isArray(memberIds)) query.whereIn('m.id', memberIds);
    if (typeof fromYear === 'number') query.where('tp.year', '>=', fromYear);
    if (typeof toYear === 'number') query.where('tp.year', '<=', toYear);
    return query;
  },
};
