import { dropTemplateDatabase } from './support/template-database';

export default dropTemplateDatabase;
