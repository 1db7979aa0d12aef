/** A ToTA file that cannot be read as a treaty: bad XML, a missing identifier or an impossible date. */
export class TotaParseError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'TotaParseError';
  }
}
