import { createCorpusTemplates } from '../support/corpus-template';

export default createCorpusTemplates;
