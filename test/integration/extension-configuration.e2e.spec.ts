import { eventually } from '@tnp/testing';
import { expectOk as ok, startPlatform, type Platform } from './support/platform-harness';

/**
 * An extension's configuration through the REST API, as the extension-configuration guide
 * describes it: hot-desking and the registered mobile, the device that rings by default, the
 * IP phone's auto-provisioned status, TLS/STUN, the desktop app's local SIP server, gateway
 * mapping, and the caller ID a user picks or requests.
 */
const SITE = 'extcfg-1';
const n = (i: number) => `+1212555017${i}`;
const EXT = '/v1/extensions/ext-cfg';
const MOBILE = '+447700900123';

let p: Platform;
const t: Record<string, string> = {};

const view = async () =>
  ok(await p.call('GET', `/v1/occupiers/acme/extensions`, { token: t['acme'] }), 'list').body.extensions.find(
    (e: { extensionId: string }) => e.extensionId === 'ext-cfg',
  );
const settings = (body: object, token = t['acme']) => p.call('PATCH', `${EXT}/settings`, { token, body });

beforeAll(async () => {
  p = await startPlatform('e2e_extcfg');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op-cfg', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  t['uma'] = await p.token({ sub: 'u-uma', role: 'user', occupierId: 'acme' });
  ok(
    await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
      token: t['platform'],
      body: { rangeName: 'Cfg', range: { start: n(0), end: n(2) } },
    }),
    'provision',
  );
  for (const i of [0, 1, 2]) {
    const at = `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}`;
    ok(
      await p.call('POST', `${at}/allocate`, { token: t['operator'], body: { owner: { type: 'occupier', occupierId: 'acme' } } }),
      'allocate',
    );
    ok(await p.call('POST', `${at}/activate`, { token: t['operator'] }), 'activate');
  }
  ok(
    await p.call('POST', '/v1/occupiers/acme/users', { token: t['acme'], body: { userId: 'u-uma', firstName: 'Uma', lastName: 'Ray' } }),
    'user',
  );
  await eventually(
    async () =>
      ok(
        await p.call('POST', '/v1/occupiers/acme/extensions', {
          token: t['acme'],
          body: {
            extensionId: 'ext-cfg',
            key: '401',
            label: 'Uma',
            assignee: { userId: 'u-uma' },
            number: n(0),
            hotDesking: true,
            registeredMobile: MOBILE,
          },
        }),
        'extension',
      ),
    { timeoutMs: 20_000 },
  );
  const licences = { 'ip-phone': 1, 'mobile-app': 1, 'desktop-app': 1 };
  ok(await p.call('PUT', '/v1/occupiers/acme/device-licences', { token: t['operator'], body: { licences } }), 'licences');
  ok(await p.call('PUT', `${EXT}/devices/ip-phone`, { token: t['acme'], body: { deviceId: 'poly-cfg' } }), 'ip phone');
  ok(await p.call('PUT', `${EXT}/devices/mobile-app`, { token: t['acme'], body: { deviceId: 'mobile-cfg' } }), 'mobile app');
}, 90_000);

afterAll(async () => {
  await p?.stop();
});

describe('extension configuration', () => {
  test('hot-desking and the registered mobile are part of the extension; the mobile may be its caller ID', async () => {
    await eventually(async () => expect(await view()).toMatchObject({ info: { hotDesking: true, registeredMobile: MOBILE } }));
    ok(await settings({ callerId: { hide: false, mode: 'fixed', number: MOBILE, allowedNumbers: [] } }), 'mobile caller ID');
    expect((await settings({ callerId: { hide: false, mode: 'fixed', number: '+447700900999', allowedNumbers: [] } })).body.rule).toBe(
      'CLI_NOT_OWN_NUMBER',
    );
  });

  test('with two devices and none chosen, the device of the last answered call rings; first by the documented priority', async () => {
    await eventually(async () => expect(await view()).toMatchObject({ ringing: ['ip-phone'], lastAnsweredDevice: null }));
    const answered = await p.call('POST', '/v1/occupiers/acme/extensions/ext-cfg/answered-device', {
      token: t['platform'],
      body: { device: 'mobile-app' },
    });
    ok(answered, 'answered');
    await eventually(async () => expect(await view()).toMatchObject({ ringing: ['mobile-app'], lastAnsweredDevice: 'mobile-app' }));
    const notActive = await p.call('POST', '/v1/occupiers/acme/extensions/ext-cfg/answered-device', {
      token: t['platform'],
      body: { device: 'desktop-app' },
    });
    expect(notActive.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'DEVICE_NOT_ACTIVATED' });
  });

  test('auto-provisioning shows the IP phone as "<device name> - <MAC address>"', async () => {
    ok(
      await p.call('POST', '/v1/occupiers/acme/extensions/ext-cfg/auto-provisioning', {
        token: t['platform'],
        body: { deviceName: 'Poly VVX 450', mac: '64-16-7f-12-34-56' },
      }),
      'provisioned',
    );
    await eventually(async () =>
      expect((await view()).devices).toEqual(
        expect.arrayContaining([
          { type: 'ip-phone', deviceId: 'poly-cfg', status: 'Poly VVX 450 - 64:16:7F:12:34:56' },
          { type: 'mobile-app', deviceId: 'mobile-cfg', status: 'manual' },
        ]),
      ),
    );
    expect(
      (
        await p.call('POST', '/v1/occupiers/acme/extensions/ext-cfg/auto-provisioning', {
          token: t['platform'],
          body: { deviceName: 'X', mac: 'nope' },
        })
      ).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'mac' }] });
  });

  test('TLS and STUN, the desktop app’s local SIP server, and gateway mapping', async () => {
    ok(await settings({ transport: { tls: true, stun: true } }, t['uma']), 'the user turns on TLS and STUN');
    expect((await settings({ localSipServer: '10.0.0.5' })).body.rule).toBe('LOCAL_SIP_SERVER_DESKTOP_ONLY');
    ok(await p.call('PUT', `${EXT}/devices/desktop-app`, { token: t['acme'], body: { deviceId: 'desk-cfg' } }), 'desktop app');
    ok(await settings({ localSipServer: '10.0.0.5' }), 'local SIP server');
    expect((await settings({ localSipServer: 'not-an-ip' })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    ok(await settings({ gatewayMapping: { sipAccount: 'sip-401' } }), 'gateway mapping');
    expect((await settings({ gatewayMapping: null }, t['uma'])).status).toBe(403);
    await eventually(async () =>
      expect(await view()).toMatchObject({
        ringing: [],
        settings: { transport: { tls: true, stun: true }, localSipServer: '10.0.0.5', gatewayMapping: { sipAccount: 'sip-401' } },
        voicemailMaxSeconds: 60,
      }),
    );
  });

  test('forwarding reaches at most one call group by its group key', async () => {
    for (const [id, key] of [
      ['grp-a', '501'],
      ['grp-b', '502'],
    ] as const) {
      ok(
        await p.call('POST', '/v1/occupiers/acme/users', { token: t['acme'], body: { userId: `u-${id}`, firstName: 'G', lastName: id } }),
        'user',
      );
      // extension-device learns of the user from assignment's events: retry until it has.
      await eventually(async () =>
        ok(
          await p.call('POST', '/v1/occupiers/acme/extensions', {
            token: t['acme'],
            body: { extensionId: id, key, label: id, assignee: { userId: `u-${id}`, type: 'call-group' } },
          }),
          'call group',
        ),
      );
    }
    const forwardTo = (...extensions: string[]) => ({
      forwarding: { always: { numbers: [], extensions }, busy: null, noAnswer: null, vipList: [] },
    });
    expect((await settings(forwardTo('501', '502'))).body.rule).toBe('ONE_CALL_GROUP_KEY');
    ok(await settings(forwardTo('501', '401')), 'one group key and an extension');
    ok(await settings({ forwarding: { always: null, busy: null, noAnswer: null, vipList: [] } }), 'forwarding off again');
  });

  test('a user picks a caller ID from the assigned list, and may request a new one', async () => {
    const listed = { hide: false, mode: 'pick-from-list', number: n(1), allowedNumbers: [n(1), n(2)] };
    ok(await settings({ callerId: listed }), 'the admin assigns a list');
    ok(await settings({ callerId: { ...listed, number: n(2) } }, t['uma']), 'the user picks from it');
    expect((await settings({ callerId: { ...listed, allowedNumbers: [n(1), n(2), n(0)] } }, t['uma'])).body.rule).toBe(
      'CLI_NOT_CHOSEN_FROM_LIST',
    );
    ok(await p.call('POST', `${EXT}/caller-id-requests`, { token: t['uma'], body: { number: '+442071239999' } }), 'request');
    const stored = await p.extensions.service.store.readStream('extension-acme/ext-cfg');
    expect(stored.filter((e) => e.type === 'ExtensionCallerIdRequested').map((e) => e.data)).toEqual([
      { extensionId: 'ext-cfg', number: '+442071239999' },
    ]);
  });

  test('outbound rules: the admin defines them, the portal lists them, an extension is put on one', async () => {
    const rule = (ruleId: string, body: object, token = t['acme']) =>
      p.call('PUT', `/v1/occupiers/acme/outbound-rules/${ruleId}`, { token, body });
    ok(await rule('staff', { name: 'Staff', permits: ['internal', 'local', 'national', 'mobile'] }), 'staff rule');
    ok(await rule('abroad', { name: 'Abroad', permits: ['internal', 'international'], passcodeFor: ['international'] }), 'abroad rule');
    expect((await rule('bad', { name: 'Bad', permits: ['internal'], passcodeFor: ['premium'] })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'passcodeFor' }],
    });
    expect((await rule('mine', { name: 'Mine', permits: ['internal'] }, t['uma'])).status).toBe(403);
    const list = await p.call('GET', '/v1/occupiers/acme/outbound-rules', { token: t['acme'] });
    expect(list.body.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(['abroad', 'staff']);

    ok(await settings({ outboundRule: 'staff' }), 'on the staff rule');
    expect((await settings({ outboundRule: 'nope' })).body.rule).toBe('OUTBOUND_RULE_NOT_FOUND');
    // The rule asks for the passcode on international calls: the extension needs one first.
    expect((await settings({ outboundRule: 'abroad' })).body.rule).toBe('PASSCODE_REQUIRED_BY_RULE');
    const info = { label: 'Uma', passcode: '2468', hotDesking: true, registeredMobile: MOBILE };
    ok(await p.call('PUT', `${EXT}/info`, { token: t['acme'], body: info }), 'passcode');
    ok(await settings({ outboundRule: 'abroad' }), 'on the abroad rule');
    await eventually(async () => expect(await view()).toMatchObject({ settings: { outboundRule: 'abroad' } }));
  });

  test('the no-answer message is an uploaded MP3 file, checked from its content', async () => {
    const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.alloc(2048, 0xff)]);
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(256)]);
    const upload = (fileId: string, raw: Buffer) =>
      p.call('PUT', `/v1/occupiers/acme/announcements/${fileId}`, { token: t['acme'], raw, contentType: 'audio/mpeg' });
    const stored = await upload('after-hours', mp3);
    expect(stored.body).toMatchObject({ fileId: 'after-hours', contentType: 'audio/mpeg', bytes: mp3.length });
    expect((await upload('after-hours', mp3)).body.eventIds).toEqual([]);
    expect((await upload('not-mp3', wav)).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'content' }] });
    const voicemail = (fileId: string) => ({
      noAnswer: { action: 'voicemail-notify', afterSeconds: 20, notifyEmails: [], message: { type: 'mp3', fileId } },
    });
    expect((await settings(voicemail('not-mp3'))).body.rule).toBe('ANNOUNCEMENT_NOT_FOUND');
    ok(await settings(voicemail('after-hours')), 'voicemail with the uploaded message');
  });
});
