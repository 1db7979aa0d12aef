import 'reflect-metadata';
import { runCli } from './cli-main';

void runCli();
