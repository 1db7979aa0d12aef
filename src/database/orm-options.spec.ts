import { Logger } from '@nestjs/common';
import { knex } from '@mikro-orm/knex';
import { ormOptions } from './orm-options';

// A PostgreSQL connection lost while serving (a restart of the server, a failover) makes knex warn
// "Connection Error: ...". The service's log is one JSON object a line: knex must write through the logger.
describe("the ORM's options", () => {
  afterEach(() => jest.restoreAllMocks());

  it("send knex's warnings to the application's logger, not to the console", async () => {
    const options = ormOptions({ driver: 'postgresql', target: 'postgresql://u@127.0.0.1:1/db' });
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loggerWarn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const client = knex({ client: 'pg', connection: {}, ...(options.driverOptions as object) });
    try {
      (client.client as { logger: { warn(message: string): void } }).logger.warn('Connection Error: gone');
      expect(consoleWarn).not.toHaveBeenCalled();
      expect(loggerWarn).toHaveBeenCalledWith('Connection Error: gone');
    } finally {
      await client.destroy();
    }
  });
});
