import { createTemplateDatabase } from './support/template-database';

export default createTemplateDatabase;
