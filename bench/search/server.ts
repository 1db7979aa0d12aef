// The HTTP server of bench/search, in a process of its own so that the client's work does not share its thread:
// serves DATABASE_URL on a random port and prints `port <n>` once listening.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';

async function serve(): Promise<void> {
  const app = await NestFactory.create(AppModule, { logger: ['error'], bodyParser: false });
  configureApp(app);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  console.log(`port ${(app.getHttpServer().address() as AddressInfo).port}`);
}

void serve();
