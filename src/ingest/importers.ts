import { FactoryProvider, INestApplicationContext, Type } from '@nestjs/common';
import { ImportFormat } from './import-formats';
import { Importer, IMPORTERS } from './importer';
import { JsonImportService } from './json-import.service';
import { TextImportService } from './text-import.service';
import { TotaImportService } from './tota-import.service';

/** The importer of each format of IMPORT_FORMATS: the compiler fails when a format lacks one, or on an unknown one. */
export const IMPORTER_SERVICES = {
  tota: TotaImportService,
  json: JsonImportService,
  text: TextImportService,
} satisfies Record<ImportFormat, Type<Importer>>;

/** The `IMPORTERS` provider: the importers by format, from the services of IMPORTER_SERVICES. */
const FORMATS = Object.keys(IMPORTER_SERVICES) as ImportFormat[];
export const importersProvider: FactoryProvider<Record<ImportFormat, Importer>> = {
  provide: IMPORTERS,
  useFactory: (...importers: Importer[]) =>
    Object.fromEntries(FORMATS.map((format, i) => [format, importers[i]])) as Record<ImportFormat, Importer>,
  inject: FORMATS.map((format) => IMPORTER_SERVICES[format]),
};

/**
 * The importers by format of a running application (the `IMPORTERS` registry): the one way in, for the command
 * line, the tests and the benches (`importers(app).tota.import({ paths, annotate: true })`).
 */
export function importers(app: Pick<INestApplicationContext, 'get'>): Record<ImportFormat, Importer> {
  return app.get<symbol, Record<ImportFormat, Importer>>(IMPORTERS);
}
