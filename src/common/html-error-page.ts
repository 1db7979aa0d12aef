import { ArgumentsHost } from '@nestjs/common';

/**
 * Who answers a browser that asked for an address no route serves with a page rather than JSON (the web
 * explorer provides it; AppExceptionFilter asks it).
 */
export const HTML_ERROR_PAGE = Symbol('HTML_ERROR_PAGE');

export interface HtmlErrorPage {
  /** Answers 404 with a page saying that nothing is at this address. */
  unknownAddress(host: ArgumentsHost): void;
  /** Answers 400 with a page saying that the address holds bytes that are not text. */
  badAddress(host: ArgumentsHost): void;
}
