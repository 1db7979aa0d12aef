// Regenerates schema.gql from the code: `npm run schema`. A test fails when the committed file differs.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { PROJECT_ROOT } from '../common/paths';
import { printAppSchema } from './print-schema';

async function main(): Promise<void> {
  process.env.DATABASE_URL = 'sqlite::memory:';
  process.env.LOG_LEVEL = 'silent';
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  writeFileSync(join(PROJECT_ROOT, 'schema.gql'), printAppSchema(app));
  await app.close();
}

void main();
