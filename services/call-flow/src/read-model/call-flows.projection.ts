import { defineEntity } from '@mikro-orm/postgresql';
import type { RecordedEvent } from '@tnp/event-store';
import { keyedTable, type Projection } from '@tnp/read-models';
import { callFlowEvents } from '@tnp/call-flow-contracts';
import type { ParameterDefinition } from '@tnp/call-flow-domain';
import { CF_SCHEMA } from './call-flow.read-model';

const p = defineEntity.properties;

/** Each call flow as a company's portal offers it: its name, parameters and version. */
export const CallFlowViewEntity = defineEntity({
  name: 'CallFlowView',
  tableName: 'call_flows',
  schema: CF_SCHEMA,
  properties: {
    key: p.string().primary(),
    tenant: p.string(),
    flowId: p.string(),
    name: p.string(),
    locked: p.boolean(),
    version: p.integer(),
    parameters: p.json<ParameterDefinition[]>(),
    deleted: p.boolean(),
    revision: p.integer(),
  },
});

export type CallFlowRow = {
  key: string;
  tenant: string;
  flowId: string;
  name: string;
  locked: boolean;
  version: number;
  parameters: ParameterDefinition[];
  deleted: boolean;
  revision: number;
};

/** Added after the first release: migration 0003 of call-flow. */
export const callFlowsSql = `
CREATE TABLE IF NOT EXISTS ${CF_SCHEMA}.call_flows (key text PRIMARY KEY, tenant text NOT NULL, flow_id text NOT NULL, name text NOT NULL,
  locked boolean NOT NULL, version integer NOT NULL, parameters jsonb NOT NULL, deleted boolean NOT NULL, revision integer NOT NULL);
CREATE INDEX IF NOT EXISTS call_flows_tenant_idx ON ${CF_SCHEMA}.call_flows (tenant) WHERE NOT deleted;
`;

const STREAM_PREFIX = 'call-flow-';

export const callFlowsProjection: Projection<CallFlowRow> = {
  name: 'call-flows',
  handles: new Set(Object.keys(callFlowEvents)),
  keyOf: (event) => event.streamId.slice(STREAM_PREFIX.length),
  rowGuardsReplays: true,
  apply: (row, recorded: RecordedEvent) => {
    if (row && recorded.streamRevision <= row.revision) return row;
    const revision = recorded.streamRevision;
    switch (recorded.type) {
      case 'CallFlowDefined': {
        const d = recorded.data as { flowId: string; tenant: string; name: string; locked: boolean; parameters: ParameterDefinition[] };
        return {
          key: `${d.tenant}/${d.flowId}`,
          tenant: d.tenant,
          flowId: d.flowId,
          name: d.name,
          locked: d.locked,
          version: 1,
          parameters: d.parameters,
          deleted: false,
          revision,
        };
      }
      case 'CallFlowChanged': {
        const d = recorded.data as { name: string; version: number; parameters: ParameterDefinition[] };
        return row ? { ...row, name: d.name, version: d.version, parameters: d.parameters, revision } : row;
      }
      case 'CallFlowDeleted':
        return row ? { ...row, deleted: true, revision } : row;
      default:
        return row;
    }
  },
};

export const callFlowsTable = keyedTable<CallFlowRow>(CallFlowViewEntity as never, 'key', `${CF_SCHEMA}.call_flows`);
