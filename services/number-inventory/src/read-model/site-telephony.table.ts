import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectionTable } from '@tnp/read-models';
import { READ_MODEL_SCHEMA, SiteNumberEntity, type SiteNumberRow } from './site-number.entity';

export const siteTelephonyTable: ProjectionTable<SiteNumberRow> = {
  async load(em: EntityManager, keys) {
    const rows = await em.find(SiteNumberEntity, { number: { $in: [...keys] } }, { disableIdentityMap: true });
    return new Map(rows.map((row) => [row.number, { ...row } as SiteNumberRow]));
  },
  async save(em: EntityManager, rows) {
    await em.upsertMany(SiteNumberEntity, rows as SiteNumberRow[], { onConflictFields: ['number'], onConflictAction: 'merge' });
  },
  async remove(em: EntityManager, keys) {
    await em.nativeDelete(SiteNumberEntity, { number: { $in: [...keys] } });
  },
  async truncate(em: EntityManager) {
    await em.execute(`TRUNCATE ${READ_MODEL_SCHEMA}.site_numbers`);
  },
};
