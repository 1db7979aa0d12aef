import { dropCorpusTemplates } from '../support/corpus-template';

export default dropCorpusTemplates;
