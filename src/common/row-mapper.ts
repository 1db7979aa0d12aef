import { EntityMetadata, EntityProperty, ReferenceKind, Utils, wrap } from '@mikro-orm/core';
import { EntityManager, Knex } from '@mikro-orm/knex';
import { compiledOnce, shapeKey } from '../database/compiled-statements';
import { from, rowsOf } from './sql';

type Row = Record<string, unknown>;
type EntityClass<T> = new (...args: never[]) => T;
type Convert = (value: unknown) => unknown;

const toDate: Convert = (v) => (v == null ? null : v instanceof Date ? v : new Date(v as string | number));
const toBoolean: Convert = (v) => (v == null ? null : Boolean(v));
const toJson: Convert = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const toNumber: Convert = (v) => (v == null ? null : Number(v));

function converter(prop: EntityProperty): Convert | null {
  const type = String(prop.runtimeType ?? prop.type).toLowerCase();
  if (
    prop.customType?.constructor.name === 'JsonType' ||
    type === 'json' ||
    type === 'object' ||
    type === 'any'
  )
    return toJson;
  if (type === 'date' || prop.customType?.constructor.name === 'DateTimeType') return toDate;
  if (type === 'boolean') return toBoolean;
  if (type === 'number') return toNumber;
  return null;
}

/**
 * The prototype of read-only instances of an entity: the entity's own prototype (so methods, getters and
 * `instanceof` work) behind a layer holding a plain writable property for each mapped property. MikroORM puts
 * setters on the entity prototype that give every instance its own tracking state on first assignment (the
 * unit of work's bookkeeping, most of the cost of reading a page); with this layer an assignment stops there
 * and simply creates the instance's own property.
 */
const readOnlyPrototypes = new WeakMap<EntityMetadata, object>();

/**
 * What the instances of each read-only prototype hold: null every mapped property (a whole row), else the
 * properties read (a narrowed row, or a reference's primary key).
 */
const loadedByPrototype = new WeakMap<object, readonly string[] | null>();

/** Where a read-only instance keeps the unparsed text of a JSON property until it is first read. */
const rawJsonKeys = new Map<string, symbol>();
const rawJsonKey = (name: string): symbol => {
  let key = rawJsonKeys.get(name);
  if (!key) rawJsonKeys.set(name, (key = Symbol(`raw ${name}`)));
  return key;
};

const isJson = (prop: EntityProperty): boolean => converter(prop) === toJson;

/** Makes `name` an own, plain property of `target` holding `value` (as an assignment would). */
const own = (target: object, name: string, value: unknown): void => {
  Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
};

/** The properties a row maps: columns of the entity's own table and the keys of its many-to-ones. */
const mappedProperties = (meta: EntityMetadata): EntityProperty[] =>
  Object.values(meta.properties).filter(
    (p) =>
      (p.kind === ReferenceKind.SCALAR && p.persist !== false && p.fieldNames?.length) ||
      p.kind === ReferenceKind.MANY_TO_ONE,
  );

function readOnlyPrototype(meta: EntityMetadata): object {
  let prototype = readOnlyPrototypes.get(meta);
  if (!prototype) {
    prototype = Object.create(meta.class.prototype) as object;
    for (const prop of mappedProperties(meta)) {
      const { name } = prop;
      if (prop.kind === ReferenceKind.SCALAR && isJson(prop)) {
        // A JSON column is parsed when first read (most reads select none of them: an agreement's sources,
        // regions and record parts are tens of kilobytes a page), then kept as the instance's own property.
        const raw = rawJsonKey(name);
        Object.defineProperty(prototype, name, {
          get(this: Row & Record<symbol, unknown>) {
            const value = toJson(this[raw]);
            own(this, name, value);
            return value;
          },
          set(this: object, value: unknown) {
            own(this, name, value);
          },
          configurable: true,
        });
      } else Object.defineProperty(prototype, name, { value: undefined, writable: true, configurable: true });
    }
    readOnlyPrototypes.set(meta, prototype);
    loadedByPrototype.set(prototype, null);
  }
  return prototype;
}

const partialPrototypes = new WeakMap<EntityMetadata, Map<string, object>>();

/**
 * The prototype of read-only instances holding only the `loaded` properties: reading any other mapped property
 * throws (a property a statement did not select must not read as null or undefined); assigning it works.
 */
function partialPrototype(meta: EntityMetadata, loaded: readonly string[]): object {
  let byLoaded = partialPrototypes.get(meta);
  if (!byLoaded) partialPrototypes.set(meta, (byLoaded = new Map()));
  const key = loaded.join(',');
  let prototype = byLoaded.get(key);
  if (!prototype) {
    prototype = Object.create(readOnlyPrototype(meta)) as object;
    for (const { name } of mappedProperties(meta)) {
      if (loaded.includes(name)) continue;
      Object.defineProperty(prototype, name, {
        get() {
          throw new Error(
            `${meta.className}.${name} was not selected by the statement that read this entity`,
          );
        },
        set(this: object, value: unknown) {
          own(this, name, value);
        },
        configurable: true,
      });
    }
    byLoaded.set(key, prototype);
    loadedByPrototype.set(prototype, loaded);
  }
  return prototype;
}

/**
 * Whether `entity` holds every property of `names` (null: every mapped property): a read-only entity of a whole
 * row does, one of a narrowed row or a reference (`rowMapper`) only those read; a managed entity (MikroORM's)
 * once it is initialised.
 */
export function hasLoaded(entity: object, names: readonly string[] | null): boolean {
  const loaded = loadedByPrototype.get(Object.getPrototypeOf(entity) as object);
  if (loaded === null) return true;
  if (loaded) return names !== null && names.every((name) => loaded.includes(name));
  return Utils.isEntity(entity) && wrap(entity).isInitialized();
}

/**
 * The properties of `entity` a read needs for the GraphQL fields selected on it (`selectedFields`): a field that
 * is a mapped property reads itself, a field listed in `needs` (a resolved field) the properties listed there,
 * any other field every property (null: the whole row). The primary key is always read.
 */
export function propertiesFor<T>(
  em: EntityManager,
  entity: EntityClass<T>,
  fields: ReadonlySet<string>,
  needs: Readonly<Record<string, readonly string[]>>,
): string[] | null {
  // Kept per selection (`selectedFields` keeps one per field node of a parsed document), needs and entity.
  let byNeeds = propertiesKept.get(fields);
  if (!byNeeds) propertiesKept.set(fields, (byNeeds = new WeakMap()));
  let byEntity = byNeeds.get(needs);
  if (!byEntity) byNeeds.set(needs, (byEntity = new Map()));
  let properties = byEntity.get(entity);
  if (properties === undefined) {
    properties = computePropertiesFor(em, entity, fields, needs);
    byEntity.set(entity, properties);
  }
  return properties;
}

const propertiesKept = new WeakMap<
  ReadonlySet<string>,
  WeakMap<object, Map<EntityClass<unknown>, string[] | null>>
>();

function computePropertiesFor<T>(
  em: EntityManager,
  entity: EntityClass<T>,
  fields: ReadonlySet<string>,
  needs: Readonly<Record<string, readonly string[]>>,
): string[] | null {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata;
  const wanted = new Set<string>(meta.primaryKeys);
  for (const field of fields) {
    if (field === '__typename') continue;
    const listed = needs[field] ?? (meta.properties[field] ? [field] : null);
    if (!listed) return null;
    for (const name of listed) wanted.add(name);
  }
  return mappedProperties(meta)
    .map((p) => p.name)
    .filter((name) => wanted.has(name));
}

const referencePrototypes = new WeakMap<EntityMetadata, object>();

/**
 * The prototype of references: the read-only prototype (any other property reads undefined, as on a reference
 * MikroORM makes) in a layer of its own, so that `hasLoaded` tells a reference from a row.
 */
function referencePrototype(meta: EntityMetadata): object {
  let prototype = referencePrototypes.get(meta);
  if (!prototype) {
    prototype = Object.create(readOnlyPrototype(meta)) as object;
    referencePrototypes.set(meta, prototype);
    loadedByPrototype.set(prototype, meta.primaryKeys);
  }
  return prototype;
}

/** A reference (only the primary key set) to the target of a many-to-one, as `entity.relation.id` reads it. */
function referenceMaker(prop: EntityProperty): (value: unknown) => unknown {
  const target = prop.targetMeta!;
  const pk = target.primaryKeys[0];
  const pkIsNumber =
    String(target.properties[pk].runtimeType ?? target.properties[pk].type).toLowerCase() === 'number';
  const prototype = referencePrototype(target);
  return (value) => {
    if (value == null) return null;
    const ref = Object.create(prototype) as Row;
    ref[pk] = pkIsNumber ? Number(value) : value;
    return ref;
  };
}

const mappers = new WeakMap<EntityMetadata, Map<string, (row: Row) => unknown>>();

/**
 * The columns a row of the entity maps (see rowMapper), or those of `properties` only, for statements that
 * select them under a prefix or narrow them.
 */
export function mappedColumns<T>(
  em: EntityManager,
  entity: EntityClass<T>,
  properties: readonly string[] | null = null,
): string[] {
  return mappedProperties(em.getMetadata().get(entity.name) as EntityMetadata)
    .filter((p) => !properties || properties.includes(p.name))
    .map((p) => p.fieldNames[0]);
}

/**
 * Turns a database row into a read-only instance of the entity (its class, its property names and types,
 * many-to-ones as references holding the key), without the unit of work: for the read side of the API, where
 * MikroORM's full hydration costs ten times the query. Writes load managed entities as usual. With a `prefix`,
 * the entity's columns are read as `<prefix><column>` (a joined table's columns, selected under that prefix
 * beside another entity's). With `properties` (`propertiesFor`), only those are read from the row, and the
 * others throw when read.
 */
export function rowMapper<T>(
  em: EntityManager,
  entity: EntityClass<T>,
  prefix = '',
  properties: readonly string[] | null = null,
): (row: Row) => T {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata;
  let byKey = mappers.get(meta);
  if (!byKey) mappers.set(meta, (byKey = new Map()));
  const key = properties ? `${prefix} ${properties.join(',')}` : prefix;
  let mapper = byKey.get(key);
  if (!mapper) {
    const mapped = mappedProperties(meta).filter((p) => !properties || properties.includes(p.name));
    const steps = mapped.map((p) => {
      const json = p.kind === ReferenceKind.SCALAR && isJson(p);
      return {
        // A JSON column's text is kept as it is, under its own key, until the property is read.
        name: json ? rawJsonKey(p.name) : p.name,
        column: `${prefix}${p.fieldNames[0]}`,
        convert: p.kind === ReferenceKind.MANY_TO_ONE ? referenceMaker(p) : json ? null : converter(p),
      };
    });
    const prototype = properties ? partialPrototype(meta, properties) : readOnlyPrototype(meta);
    mapper = (row: Row) => {
      const entityObject = Object.create(prototype) as Record<string | symbol, unknown>;
      for (const step of steps) {
        const value = row[step.column];
        entityObject[step.name] = step.convert ? step.convert(value) : value;
      }
      return entityObject;
    };
    byKey.set(key, mapper);
  }
  return mapper as (row: Row) => T;
}

/**
 * `select * from <entity table>`, narrowed and ordered by `build` with `values`
 * (`(qb, ids) => qb.whereIn('id', ids).orderBy('id')`), as read-only entities (see rowMapper); with `properties`
 * (`propertiesFor`), only their columns are read.
 *
 * The statement is compiled once per shape (`database/compiled-statements.ts`): `statement` names what `build` does
 * apart from its values, one name for one `build` of the entity (its repository and method: `'byCodes'`), and
 * `build` hands the values to Knex as values only (bindings: `whereIn`, `where(column, value)`), never as text or as
 * a reason to add a clause. Later reads of the same name, properties and number of values run the kept text with
 * their values bound.
 */
export async function readEntities<T, V>(
  em: EntityManager,
  entity: EntityClass<T>,
  statement: string,
  values: readonly V[],
  build: (qb: Knex.QueryBuilder, values: readonly V[]) => void,
  properties: readonly string[] | null = null,
): Promise<T[]> {
  const shape = shapeKey('entities', entity.name, statement, properties);
  const rows = await rowsOf(
    em,
    compiledOnce(em, shape, values, (bound) => {
      const qb = from(em, em.getMetadata().get(entity.name).tableName).select(
        properties ? mappedColumns(em, entity, properties) : '*',
      );
      build(qb, bound as readonly V[]);
      return qb;
    }),
  );
  return rows.map(rowMapper(em, entity, '', properties));
}
