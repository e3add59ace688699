import type { MikroORM } from '@mikro-orm/postgresql';
import { notFound } from '@tnp/kernel';
import {
  DEFAULT_INFO,
  DEFAULT_SETTINGS,
  effectiveRingDevices,
  extensionKeyOf,
  VOICEMAIL_MAX_SECONDS,
  type ExtensionState,
} from '@tnp/extension-device-domain';
import { openPin } from '../pins/pins';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';

type Row = {
  key: string;
  tenant: string;
  user_id: string;
  number: string | null;
  state: ExtensionState;
  pin: string | null;
  phone_id: string | null;
};

/** An extension's whole configuration as admins see it: the PIN only as its state, the default PIN as the portal shows it. */
const toView = (row: Row, key: Buffer) => {
  const state = row.state;
  if (!state.exists) throw notFound(`Extension ${row.key} does not exist`);
  return {
    extensionId: row.key.slice(row.key.indexOf('/') + 1),
    tenant: state.tenant,
    key: state.key,
    // States stored before a setting existed hold its default.
    info: { ...DEFAULT_INFO, ...state.info },
    assignee: state.assignee,
    number: state.number,
    siteId: state.siteId,
    pin: {
      status: state.pin.locked ? 'locked' : state.pin.custom ? 'custom' : 'default',
      failedAttempts: state.pin.failedAttempts,
      defaultPin: row.pin === null ? null : openPin(row.pin, key),
    },
    devices: state.devices.map((d) => ({
      type: d.type,
      deviceId: d.deviceId,
      status: d.autoProvisioned ? `${d.autoProvisioned.deviceName} - ${d.autoProvisioned.mac}` : 'manual',
    })),
    ringing: effectiveRingDevices(state),
    lastAnsweredDevice: state.lastAnsweredDevice ?? null,
    settings: { ...DEFAULT_SETTINGS, ...state.settings },
    voicemailMaxSeconds: VOICEMAIL_MAX_SECONDS,
    handset: row.phone_id,
  };
};

const SELECT = `SELECT e.key, e.tenant, e.user_id, e.number, e.state, d.pin, h.phone_id
  FROM ${ED_SCHEMA}.extensions e
  LEFT JOIN ${ED_SCHEMA}.default_pins d ON d.extension_id = e.key
  LEFT JOIN ${ED_SCHEMA}.handsets h ON h.number = e.number`;

export class ExtensionQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly pinKey: Buffer,
  ) {}

  /** The default PIN alone, from the table the create command writes before it answers (no projection lag). */
  async defaultPin(tenant: string, extensionId: string): Promise<{ defaultPin: string }> {
    const rows = await this.orm.em
      .fork()
      .execute<{ pin: string }[]>(`SELECT pin FROM ${ED_SCHEMA}.default_pins WHERE extension_id = ?`, [
        extensionKeyOf(tenant, extensionId),
      ]);
    if (!rows[0]) throw notFound(`Extension ${extensionId} does not exist`);
    return { defaultPin: openPin(rows[0].pin, this.pinKey) };
  }

  async extension(tenant: string, extensionId: string) {
    const rows = await this.orm.em.fork().execute<Row[]>(`${SELECT} WHERE e.key = ?`, [extensionKeyOf(tenant, extensionId)]);
    const row = rows[0];
    if (!row) throw notFound(`Extension ${extensionId} does not exist`);
    return toView(row, this.pinKey);
  }

  /** "My profile": the user's own extensions, without the default PIN. */
  async profile(occupierId: string, userId: string) {
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(`${SELECT} WHERE e.tenant = ? AND e.user_id = ? ORDER BY e.key`, [occupierId, userId]);
    return { extensions: rows.map((r) => toView({ ...r, pin: null }, this.pinKey)) };
  }

  /** Every extension of an occupier, without PINs. */
  async forOccupier(occupierId: string) {
    const rows = await this.orm.em.fork().execute<Row[]>(`${SELECT} WHERE e.tenant = ? ORDER BY e.key`, [occupierId]);
    return { extensions: rows.map((r) => toView({ ...r, pin: null }, this.pinKey)) };
  }

  async handsets(siteId: string) {
    const rows = await this.orm.em
      .fork()
      .execute<{ phone_id: string; number: string }[]>(
        `SELECT phone_id, number FROM ${ED_SCHEMA}.handsets WHERE site_id = ? ORDER BY phone_id`,
        [siteId],
      );
    return { siteId, handsets: rows.map((r) => ({ phoneId: r.phone_id, number: r.number })) };
  }
}
