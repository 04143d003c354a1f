import type { Knex } from 'knex';

/** One step of a service's schema, applied once in name order (name it `NNN-what-it-does`). */
export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

/** Feeds knex's migrator from code, so that migrations work the same from TypeScript (tests) and dist/. */
export class MigrationList implements Knex.MigrationSource<Migration> {
  constructor(private readonly migrations: readonly Migration[]) {
    const names = migrations.map((m) => m.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new Error(`Migration "${duplicate}" is listed twice`);
  }

  async getMigrations(): Promise<Migration[]> {
    return [...this.migrations].sort((a, b) => a.name.localeCompare(b.name));
  }

  getMigrationName(migration: Migration): string {
    return migration.name;
  }

  async getMigration(migration: Migration): Promise<Knex.Migration> {
    return { up: (knex) => migration.up(knex), down: (knex) => (migration.down ? migration.down(knex) : Promise.resolve()) };
  }
}
