import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** UUID key and timestamps, shared by every table. */
@Entity({ abstract: true })
export abstract class BaseEntity<Defaults extends string = never> {
  /** Properties with defaults, optional in `em.create` (subclasses add theirs through `Defaults`). */
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | Defaults;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A row that callers edit: `version` rises with every update, and a write with a stale one is refused. */
@Entity({ abstract: true })
export abstract class VersionedEntity<Defaults extends string = never> extends BaseEntity<'version' | Defaults> {
  @Property({ version: true })
  version!: number;
}
