import { registerEnumType } from '@nestjs/graphql';

export enum ProvisionLocation {
  PREAMBLE = 'PREAMBLE',
  OPERATIVE = 'OPERATIVE',
  ANNEX = 'ANNEX',
  PROTOCOL = 'PROTOCOL',
  SIDE_LETTER = 'SIDE_LETTER',
}
registerEnumType(ProvisionLocation, { name: 'ProvisionLocation' });
