// The same statements on both engines (portable SQL and the rule restated there): one migration, read from both folders.
export { Migration20261207120000_article_number_alone } from '../sqlite/Migration20261207120000_article_number_alone';
