import { jetStreamNameFor } from '@tnp/service-runtime';
import { eventually } from '@tnp/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { startPlatform, type Platform } from './support/platform-harness';

const SITE = 'nyc-9';
const n = (i: number) => `+1212888${String(1000 + i)}`;
const at = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/${action}`;
const handset = (i: number) => `/v1/numbers/${encodeURIComponent(n(i))}/handset`;
const EXT = '/v1/extensions/ext-ada';

let p: Platform;
const t: Record<string, string> = {};

beforeAll(async () => {
  p = await startPlatform('e2e_ext');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  t['ada'] = await p.token({ sub: 'u-ada', role: 'user', occupierId: 'acme' });
  t['alan'] = await p.token({ sub: 'u-alan', role: 'user', occupierId: 'acme' });
}, 60_000);

afterAll(async () => {
  await p?.stop();
});

describe('extensions and devices through the REST API', () => {
  test('PINs, devices, handsets, forwarding, caller ID, no-answer; deactivation clears logins and forwarding', async () => {
    const { call } = p;
    expect(
      (
        await call('POST', `/v1/sites/${SITE}/numbers/provision`, {
          token: t['platform'],
          body: { rangeName: 'NYC', range: { start: n(0), end: n(9) } },
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect(
        (await call('POST', at(i, 'allocate'), { token: t['operator'], body: { owner: { type: 'occupier', occupierId: 'acme' } } })).status,
      ).toBe(200);
      if (i !== 3) expect((await call('POST', at(i, 'activate'), { token: t['operator'] })).status).toBe(200);
    }
    await call('POST', '/v1/occupiers/acme/users', { token: t['acme'], body: { userId: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' } });

    const created = await eventually(
      async () => {
        const reply = await call('POST', '/v1/occupiers/acme/extensions', {
          token: t['acme'],
          body: { extensionId: 'ext-ada', key: '201', label: 'Ada', assignee: { userId: 'u-ada' }, number: n(0) },
        });
        expect(reply.status).toBe(200);
        return reply;
      },
      { timeoutMs: 20_000 },
    );
    const defaultPin = created.body.defaultPin as string;
    expect(defaultPin).toMatch(/^\d{6}$/);
    expect(
      (
        await call('POST', '/v1/occupiers/acme/extensions', {
          token: t['acme'],
          body: { extensionId: 'ext-dup', key: '201', label: 'Dup', assignee: { userId: 'u-ada' } },
        })
      ).body.rule,
    ).toBe('EXTENSION_KEY_TAKEN');

    // The occupier's extensions, for its selectors: its own, without PINs.
    await eventually(async () => {
      const list = await call('GET', '/v1/occupiers/acme/extensions', { token: t['acme'] });
      expect(list.body.extensions.map((e: { extensionId: string; number: string | null }) => [e.extensionId, e.number])).toEqual([
        ['ext-ada', n(0)],
      ]);
      expect(JSON.stringify(list.body)).not.toContain(defaultPin);
    });
    expect((await call('GET', '/v1/occupiers/acme/extensions', { token: t['alan'] })).status).toBe(403);

    // The user replaces the default PIN; then three wrong attempts lock it until an admin resets it.
    expect((await call('PUT', `${EXT}/pin`, { token: t['ada'], body: { currentPin: defaultPin, newPin: '480213' } })).status).toBe(200);
    expect((await call('PUT', `${EXT}/pin`, { token: t['alan'], body: { currentPin: '480213', newPin: '111222' } })).status).toBe(403);
    const attempts = [];
    for (let i = 0; i < 3; i++)
      attempts.push((await call('POST', `${EXT}/pin/verify`, { token: t['ada'], body: { pin: '999999' } })).body.rule);
    expect(attempts).toEqual(['PIN_INCORRECT', 'PIN_INCORRECT', 'PIN_LOCKED']);
    expect((await call('POST', `${EXT}/pin/verify`, { token: t['ada'], body: { pin: '480213' } })).body.rule).toBe('PIN_LOCKED');
    expect((await call('POST', `${EXT}/pin/reset`, { token: t['acme'] })).status).toBe(200);
    expect((await call('POST', `${EXT}/pin/verify`, { token: t['ada'], body: { pin: defaultPin } })).status).toBe(200);
    await eventually(async () => {
      const view = await call('GET', EXT, { token: t['acme'] });
      expect(view.body.pin).toEqual({ status: 'default', failedAttempts: 0, defaultPin });
      expect(JSON.stringify(view.body)).not.toContain('480213');
    });
    const asUser = await call('GET', EXT, { token: t['ada'] });
    expect(asUser.body.pin.defaultPin).toBeNull();

    // A device needs one of the occupier's licences of its type; the operator (or billing) sets them.
    expect((await call('PUT', `${EXT}/devices/ip-phone`, { token: t['acme'], body: { deviceId: 'yealink-1' } })).body.rule).toBe(
      'DEVICE_LICENCE_REQUIRED',
    );
    const licences = { 'ip-phone': 1, 'mobile-app': 1, 'desktop-app': 1 };
    expect((await call('PUT', '/v1/occupiers/acme/device-licences', { token: t['acme'], body: { licences } })).status).toBe(403);
    expect((await call('PUT', '/v1/occupiers/acme/device-licences', { token: t['operator'], body: { licences } })).status).toBe(200);
    for (const [type, deviceId] of [
      ['ip-phone', 'yealink-1'],
      ['mobile-app', 'iphone-ada'],
      ['desktop-app', 'mac-ada'],
    ]) {
      expect((await call('PUT', `${EXT}/devices/${type}`, { token: t['acme'], body: { deviceId } })).status).toBe(200);
    }
    expect((await call('PUT', `${EXT}/devices/mobile-app`, { token: t['acme'], body: { deviceId: 'android-ada' } })).body.rule).toBe(
      'DEVICE_LIMIT',
    );
    const inUse = await call('GET', '/v1/occupiers/acme/device-licences', { token: t['acme'] });
    expect(inUse.body.licences).toEqual([
      { type: 'ip-phone', licensed: 1, used: 1, free: 0 },
      { type: 'mobile-app', licensed: 1, used: 1, free: 0 },
      { type: 'desktop-app', licensed: 1, used: 1, free: 0 },
    ]);
    expect(
      (
        await call('PUT', '/v1/occupiers/acme/device-licences', {
          token: t['operator'],
          body: { licences: { ...licences, 'ip-phone': 0 } },
        })
      ).body.rule,
    ).toBe('DEVICE_LICENCES_IN_USE');
    // Deactivating frees the licence; activating again takes it back.
    expect((await call('DELETE', `${EXT}/devices/desktop-app`, { token: t['acme'] })).status).toBe(200);
    expect((await call('GET', '/v1/occupiers/acme/device-licences', { token: t['acme'] })).body.licences[2]).toEqual({
      type: 'desktop-app',
      licensed: 1,
      used: 0,
      free: 1,
    });
    expect((await call('PUT', `${EXT}/devices/desktop-app`, { token: t['acme'], body: { deviceId: 'mac-ada' } })).status).toBe(200);

    expect((await call('PUT', handset(0), { token: t['acme'], body: { phoneId: 'PH-100' } })).status).toBe(200);
    expect((await call('PUT', handset(1), { token: t['acme'], body: { phoneId: 'PH-100' } })).body.rule).toBe('HANDSET_IN_USE');
    expect((await call('PUT', handset(3), { token: t['acme'], body: { phoneId: 'PH-200' } })).body.rule).toBe('NUMBER_NOT_ACTIVE');
    expect((await call('PUT', handset(1), { token: t['acme'], body: { phoneId: 'PH-101' } })).status).toBe(200);

    const busy = { forwarding: { busy: { numbers: ['+15557778888'], extensions: ['202'] }, vipList: ['+6531234567', '203'] } };
    expect((await call('PATCH', `${EXT}/settings`, { token: t['ada'], body: busy })).status).toBe(200);
    expect((await call('PATCH', `${EXT}/settings`, { token: t['ada'], body: { callWaiting: true } })).body.rule).toBe(
      'BUSY_FORWARDING_WITH_CALL_WAITING',
    );
    expect((await call('PATCH', `${EXT}/settings`, { token: t['acme'], body: { callerId: { number: '+15550000000' } } })).body.rule).toBe(
      'CLI_NOT_OWN_NUMBER',
    );
    await eventually(async () => {
      const reply = await call('PATCH', `${EXT}/settings`, {
        token: t['acme'],
        body: { callerId: { mode: 'pick-from-list', allowedNumbers: [n(0), n(2)], number: n(2) } },
      });
      expect(reply.status).toBe(200);
    });
    const noAnswer = {
      noAnswer: {
        action: 'voicemail-notify',
        afterSeconds: 20,
        notifyEmails: ['ada@acme.example'],
        message: { type: 'tts', language: 'en-GB', pitch: 5, rate: 4, gender: 'female', text: 'Ada is away' },
      },
    };
    expect((await call('PATCH', `${EXT}/settings`, { token: t['ada'], body: noAnswer })).status).toBe(200);
    const badTts = await call('PATCH', `${EXT}/settings`, {
      token: t['ada'],
      body: { noAnswer: { ...noAnswer.noAnswer, afterSeconds: 90 } },
    });
    expect(badTts).toMatchObject({ status: 400, body: { fields: [expect.objectContaining({ path: 'changes.noAnswer.afterSeconds' })] } });

    await eventually(async () => {
      const view = await call('GET', EXT, { token: t['acme'] });
      expect(view.body).toMatchObject({
        handset: 'PH-100',
        ringing: ['ip-phone'],
        settings: { forwarding: { vipList: ['+6531234567', '203'] }, noAnswer: { action: 'voicemail-notify' } },
      });
    });

    expect((await call('POST', at(0, 'deactivate'), { token: t['operator'] })).status).toBe(200);
    await eventually(
      async () => {
        const view = await call('GET', EXT, { token: t['acme'] });
        expect(view.body).toMatchObject({ handset: null, settings: { forwarding: { always: null, busy: null, noAnswer: null } } });
        const handsets = await call('GET', `/v1/sites/${SITE}/handsets`, { token: t['operator'] });
        expect(handsets.body.handsets).toEqual([{ phoneId: 'PH-101', number: n(1) }]);
      },
      { timeoutMs: 15_000 },
    );
    // A deactivated number's PIN, devices and features stay as they are until it is active again.
    expect((await call('POST', `${EXT}/pin/reset`, { token: t['acme'] })).body.rule).toBe('NUMBER_NOT_ACTIVE');
    expect((await call('PATCH', `${EXT}/settings`, { token: t['acme'], body: { doNotDisturb: true } })).body.rule).toBe(
      'NUMBER_NOT_ACTIVE',
    );
    const profile = await call('GET', '/v1/me/profile', { token: t['ada'] });
    expect(profile.body.extensions.map((e: { key: string }) => e.key)).toEqual(['201']);

    const stored = await p.extensions.service.store.readAll({ maxCount: 10_000 });
    const types = new Set(stored.map((e) => e.type));
    for (const type of [
      'ExtensionCreated',
      'ExtensionPinChanged',
      'ExtensionPinLocked',
      'ExtensionPinReset',
      'DeviceNumberLoggedOut',
      'HandsetLoggedOut',
      'ExtensionForwardingCleared',
    ]) {
      expect(types).toContain(type);
    }
    const jsm = await jetstreamManager(p.extensions.nc);
    await eventually(async () =>
      expect((await jsm.streams.info(jetStreamNameFor('extension-device', p.extensions.config.NATS_SUBJECT_PREFIX))).state.messages).toBe(
        stored.length,
      ),
    );
  });
});
