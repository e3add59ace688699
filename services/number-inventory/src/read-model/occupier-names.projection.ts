import { defineEntity } from '@mikro-orm/postgresql';
import type { RecordedEvent } from '@tnp/event-store';
import { keyedTable, type Projection } from '@tnp/read-models';
import { READ_MODEL_SCHEMA } from './site-number.entity';

const p = defineEntity.properties;

/** Each organisation's name, shown wherever a number's owner is. */
export const OccupierNameEntity = defineEntity({
  name: 'OccupierName',
  tableName: 'occupier_names',
  schema: READ_MODEL_SCHEMA,
  properties: { occupierId: p.string().primary(), name: p.string(), revision: p.integer() },
});

export type OccupierNameRow = { occupierId: string; name: string; revision: number };

/** Added after the first release: a migration of its own. */
export const occupierNamesSql = `
CREATE TABLE IF NOT EXISTS ${READ_MODEL_SCHEMA}.occupier_names (occupier_id text PRIMARY KEY, name text NOT NULL, revision integer NOT NULL);
`;

export const occupierNamesProjection: Projection<OccupierNameRow> = {
  name: 'occupier-names',
  handles: new Set(['OccupierNamed']),
  keyOf: (event) => (event.data as { occupierId: string }).occupierId,
  apply: (row, recorded: RecordedEvent) => {
    if (row && recorded.streamRevision <= row.revision) return row;
    const { occupierId, name } = recorded.data as { occupierId: string; name: string };
    return { occupierId, name, revision: recorded.streamRevision };
  },
};

export const occupierNamesTable = keyedTable<OccupierNameRow>(
  OccupierNameEntity as never,
  'occupierId',
  `${READ_MODEL_SCHEMA}.occupier_names`,
);
