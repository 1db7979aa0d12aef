import type { Request, Response } from 'express';
import { RequestLoaders } from '../common/loaders';

export interface GraphQLContext {
  req: Request;
  res: Response;
  loaders: RequestLoaders;
}
