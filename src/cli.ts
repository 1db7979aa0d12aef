import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { environmentProblems } from './config';

async function main(): Promise<void> {
  const problems = environmentProblems();
  if (problems.length) {
    console.error(`configuration: ${problems.join('; ')}`);
    process.exitCode = 2;
    return;
  }
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
    serviceErrorHandler: (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  });
}

void main();
