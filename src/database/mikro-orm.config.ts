// Configuration for the MikroORM command line (migration:create), for the database DATABASE_URL names.
import { ormOptions } from './orm-options';

export default ormOptions();
