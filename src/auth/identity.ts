import { Role } from './role.enum';

/** Who is calling: an API key's holder, or nobody (anonymous). */
export interface Identity {
  keyId: number;
  name: string;
  role: Role;
}
