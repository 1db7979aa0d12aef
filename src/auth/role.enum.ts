import { registerEnumType } from '@nestjs/graphql';

/**
 * READER reads (anonymous reads too, unless PUBLIC_READ=false); ANNOTATOR creates annotations and edits or
 * withdraws its own; REVIEWER accepts or rejects any annotation and reads the audit log; EDITOR keeps the
 * catalogue (agreements, parties, provisions); ADMIN may do everything, keys included.
 */
export enum Role {
  READER = 'READER',
  ANNOTATOR = 'ANNOTATOR',
  REVIEWER = 'REVIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role' });
