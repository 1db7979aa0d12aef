import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { port } from './config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const listenPort = port();
  await app.listen(listenPort);
  const address = `http://localhost:${listenPort}/graphql`;
  app.get(Logger).log(`Clause Tracker is serving GraphQL at ${address}`);
  console.log(`\n  Clause Tracker: open ${address} in a browser (GraphiQL), or POST GraphQL to it.\n`);
}

void bootstrap();
