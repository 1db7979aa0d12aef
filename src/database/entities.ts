import { Agreement } from '../agreements/agreement.entity';
import { AgreementBinding } from '../bindings/agreement-binding.entity';
import { ApiKey } from '../auth/api-key.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AgreementParty } from '../agreements/agreement-party.entity';
import { AgreementRelation } from '../agreements/agreement-relation.entity';
import { AgreementTypeTag } from '../agreements/agreement-type-tag.entity';
import { Annotation } from '../annotations/annotation.entity';
import { BlocMembership } from '../parties/bloc-membership.entity';
import { Party } from '../parties/party.entity';
import { PendingImport } from '../ingest/pending-import.entity';
import { Provision } from '../provisions/provision.entity';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';

export const ENTITIES = [
  Agreement,
  AgreementBinding,
  AgreementParty,
  AgreementRelation,
  AgreementTypeTag,
  Annotation,
  ApiKey,
  AuditEvent,
  BlocMembership,
  Party,
  PendingImport,
  Provision,
  TaxonomyCode,
];
