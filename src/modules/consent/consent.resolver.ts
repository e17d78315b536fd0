import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { organisationById } from '../indigenous/indigenous-organisation.loaders';
import { ConsentRecordConnection } from './consent.connection';
import { ConsentInput, ConsentRecordFilter } from './consent.inputs';
import { listConsentRecords } from './consent-record.list';
import { ConsentRecord } from './consent-record.entity';
import { recordConsent, withdrawConsent } from './consent.service';

@Resolver(() => ConsentRecord)
export class ConsentResolver {
  @Mutation(() => ConsentRecord, {
    description:
      'Records a consent decision. Only an INDIGENOUS_STEWARD key of the steward organisation may; ' +
      'it applies from the next request on.',
  })
  recordConsent(
    @Arg('input', () => ConsentInput, { description: 'The decision.' }) input: ConsentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsentRecord> {
    return recordConsent(ctx, input);
  }

  @Mutation(() => ConsentRecord, {
    description:
      'Withdraws a GRANTED or PENDING consent. Only an INDIGENOUS_STEWARD key of the steward organisation may; ' +
      'the withdrawal applies from the very next request on.',
  })
  withdrawConsent(
    @Arg('id', () => ID, { description: 'The consent record to withdraw.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, kept in the notes.' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsentRecord> {
    return withdrawConsent(ctx, id, reason);
  }

  @Query(() => ConsentRecordConnection, {
    description: 'Consent records, newest first: a steward sees its own; ADMIN and COICA_LIAISON see all.',
  })
  async consentRecords(
    @Args() page: PageArgs,
    @Arg('filter', () => ConsentRecordFilter, { nullable: true, description: 'Conditions the records must meet.' })
    filter: ConsentRecordFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsentRecordConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new ConsentRecordConnection(await listConsentRecords(ctx, { ...page, filter }, withTotalCount));
  }

  @FieldResolver(() => IndigenousOrganisation, { description: 'The organisation whose decision it is.' })
  async stewardOrganisation(
    @Root() record: ConsentRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousOrganisation> {
    return (await organisationById(ctx).load(record.stewardOrganisation.id))!;
  }
}
