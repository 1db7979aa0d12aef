import { registerEnumType } from '@nestjs/graphql';

export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

export enum MatchMode {
  ANY = 'ANY',
  ALL = 'ALL',
}
registerEnumType(MatchMode, {
  name: 'MatchMode',
  description: 'Match any of the listed values, or all of them',
});
