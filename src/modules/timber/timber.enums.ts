import { registerEnumType } from 'type-graphql';

export enum TimberPolicyLevel {
  FULL_TROPICAL_ABSTENTION = 'FULL_TROPICAL_ABSTENTION',
  CERTIFIED_ONLY_FSC = 'CERTIFIED_ONLY_FSC',
  CERTIFIED_FSC_OR_PEFC = 'CERTIFIED_FSC_OR_PEFC',
  REGIONAL_PREFERENCE = 'REGIONAL_PREFERENCE',
  NONE = 'NONE',
}

export enum CommitmentStatus {
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  REVOKED = 'REVOKED',
}

export enum TimberProductCategory {
  CONSTRUCTION = 'CONSTRUCTION',
  JOINERY = 'JOINERY',
  FLOORING = 'FLOORING',
  FURNITURE = 'FURNITURE',
  OUTDOOR_FACILITIES = 'OUTDOOR_FACILITIES',
  PAPER = 'PAPER',
  PACKAGING = 'PACKAGING',
  OTHER = 'OTHER',
}

export enum CertificationScheme {
  FSC = 'FSC',
  PEFC = 'PEFC',
}

export enum CertificationClaim {
  CERTIFIED_100_PERCENT = 'CERTIFIED_100_PERCENT',
  MIX = 'MIX',
  RECYCLED = 'RECYCLED',
  CONTROLLED_SOURCES = 'CONTROLLED_SOURCES',
}

export enum ProcurementCompliance {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
}

export enum NonComplianceReason {
  TROPICAL_TIMBER = 'TROPICAL_TIMBER',
  NOT_CERTIFIED = 'NOT_CERTIFIED',
  SCHEME_NOT_ACCEPTED = 'SCHEME_NOT_ACCEPTED',
  NOT_REGIONAL = 'NOT_REGIONAL',
  MISSING_DUE_DILIGENCE = 'MISSING_DUE_DILIGENCE',
}

registerEnumType(TimberPolicyLevel, {
  name: 'TimberPolicyLevel',
  description: "How strict a member's timber procurement policy is.",
  valuesConfig: {
    FULL_TROPICAL_ABSTENTION: {
      description: 'No tropical timber at all, certified or not; other timber as the accepted schemes require.',
    },
    CERTIFIED_ONLY_FSC: { description: 'Only FSC-certified timber (a certified FSC claim with a certificate code).' },
    CERTIFIED_FSC_OR_PEFC: { description: 'Only timber with a certified FSC or PEFC claim and a certificate code.' },
    REGIONAL_PREFERENCE: {
      description: 'Timber from the region (`regionCountryCodes`), or else certified under an accepted scheme.',
    },
    NONE: { description: 'No timber policy: every procurement complies (EUDR references aside).' },
  },
});
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'Whether a commitment is in force.',
  valuesConfig: {
    ACTIVE: { description: 'In force.' },
    LAPSED: { description: 'Its review date passed without renewal.' },
    REVOKED: { description: 'Withdrawn by the council.' },
  },
});
registerEnumType(TimberProductCategory, {
  name: 'TimberProductCategory',
  description: 'What timber is bought for.',
  valuesConfig: {
    CONSTRUCTION: { description: 'Structural timber, engineered wood, formwork.' },
    JOINERY: { description: 'Windows, doors, stairs.' },
    FLOORING: { description: 'Floors and decking.' },
    FURNITURE: { description: 'Office, school and street furniture.' },
    OUTDOOR_FACILITIES: { description: 'Playgrounds, benches, fences, bridges.' },
    PAPER: { description: 'Paper and board.' },
    PACKAGING: { description: 'Pallets and packaging.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(CertificationScheme, {
  name: 'CertificationScheme',
  description: 'A forest certification scheme.',
  valuesConfig: {
    FSC: { description: 'Forest Stewardship Council.' },
    PEFC: { description: 'Programme for the Endorsement of Forest Certification.' },
  },
});
registerEnumType(CertificationClaim, {
  name: 'CertificationClaim',
  description: 'The claim on the invoice under the scheme (FSC 100 %, FSC Mix, x % PEFC Certified, ...).',
  valuesConfig: {
    CERTIFIED_100_PERCENT: { description: 'FSC 100 % / 100 % PEFC Certified: a certified claim.' },
    MIX: { description: 'FSC Mix / x % PEFC Certified: a certified claim.' },
    RECYCLED: { description: 'FSC Recycled / PEFC Recycled: a certified claim.' },
    CONTROLLED_SOURCES: {
      description: 'FSC Controlled Wood / PEFC Controlled Sources: risk-checked, but NOT a certified claim.',
    },
  },
});
registerEnumType(ProcurementCompliance, {
  name: 'ProcurementCompliance',
  description: "How a procurement stands against its commitment's current terms.",
  valuesConfig: {
    COMPLIANT: { description: 'Meets the policy.' },
    NON_COMPLIANT: { description: 'Breaks the policy; `nonComplianceReason` says how.' },
    OUT_OF_SCOPE: { description: "Its product category is outside the commitment's scope." },
  },
});
registerEnumType(NonComplianceReason, {
  name: 'NonComplianceReason',
  description: 'Why a procurement breaks its commitment (the first rule it fails, in this order).',
  valuesConfig: {
    MISSING_DUE_DILIGENCE: { description: 'Tropical timber without the EUDR due-diligence reference required.' },
    TROPICAL_TIMBER: { description: 'Tropical timber under a full tropical-timber abstention.' },
    NOT_CERTIFIED: { description: 'No certified claim (none, or controlled sources only) where one is required.' },
    SCHEME_NOT_ACCEPTED: { description: 'Certified, but under a scheme the commitment does not accept.' },
    NOT_REGIONAL: { description: 'Neither from the region nor certified under an accepted scheme.' },
  },
});
