import { Migration } from '@mikro-orm/migrations';

export class Migration20261129083057 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "member" alter column "geonames_id" type int using ("geonames_id"::int);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "member" alter column "geonames_id" type varchar(255) using ("geonames_id"::varchar(255));`);
  }

}
