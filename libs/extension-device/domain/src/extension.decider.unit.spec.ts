import type { Principal } from '@tnp/kernel';
import { OBSERVED_EXAMPLE, type ObservedNumber } from '@tnp/number-lifecycle';
import { decideExtension as decide, effectiveRingDevices, evolveExtension, extensionKeyDecider, pinRefusalOf } from './extension.decider';
import {
  DEFAULT_SETTINGS,
  type ExtensionCommand,
  type ExtensionEvent,
  type ExtensionSettings,
  type ExtensionContext,
  type ExtensionState,
  type ExtensionType,
} from './extension.types';

const activeNumber: ObservedNumber = { ...OBSERVED_EXAMPLE, siteId: 'nyc-1', status: 'ACTIVE', isMain: false };
/** The handler gathers the extension's number for the commands that need it: active here unless a test says otherwise. */
const decideExtension = (command: ExtensionCommand, state: ExtensionState, context: ExtensionContext) =>
  decide(command, state, { linkedNumber: activeNumber, ...context });

const E = 'ext-1';
const admin: Principal = { id: 'adm', role: 'occupier-admin', tenantId: 'acme' };
const ada: Principal = { id: 'u-ada', role: 'user', tenantId: 'acme' };
const alan: Principal = { id: 'u-alan', role: 'user', tenantId: 'acme' };
const pin = (p: string) => ({ salt: 's', hash: `h${p}` });
const created = (type: ExtensionType = 'normal'): ExtensionEvent => ({
  type: 'ExtensionCreated',
  data: {
    extensionId: E,
    tenant: 'acme',
    key: '201',
    info: { label: 'Ada', passcode: null, debugMode: false },
    assignee: { userId: 'u-ada', type, role: 'member' },
    number: '+12125551000',
    siteId: 'nyc-1',
    defaultPin: pin('1234'),
  },
});
const device = (type: 'ip-phone' | 'mobile-app' | 'desktop-app', id = type): ExtensionEvent => ({
  type: 'ExtensionDeviceActivated',
  data: { extensionId: E, device: { type, deviceId: id } },
});
const given = (...events: ExtensionEvent[]) => events.reduce(evolveExtension, { exists: false } as ReturnType<typeof evolveExtension>);
const cmd = (type: ExtensionCommand['type'], data: object = {}, principal: Principal = admin) =>
  ({
    type,
    data: { extensionId: E, ...data },
    metadata: { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal },
  }) as ExtensionCommand;
const configure = (changes: Partial<ExtensionSettings>, principal: Principal = admin) => cmd('ConfigureExtension', { changes }, principal);
const rule = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ details: { rule: code } }));
const target = (numbers: string[] = [], extensions: string[] = []) => ({ numbers, extensions });

describe('extension decider', () => {
  test('a PIN, devices and settings change only while the extension’s number is active and not a main number', () => {
    const state = given(created(), device('mobile-app'));
    const bound = [
      configure({ doNotDisturb: true }),
      cmd('ResetPin'),
      cmd('ChangePin', { newPin: pin('8642') }, ada),
      cmd('ActivateDevice', { device: { type: 'ip-phone', deviceId: 'p1' } }),
    ];
    for (const command of bound) {
      rule(() => decide(command, state, { linkedNumber: { ...activeNumber, status: 'RESERVED' }, pinMatches: true }), 'NUMBER_NOT_ACTIVE');
      rule(() => decide(command, state, { linkedNumber: null, pinMatches: true }), 'NUMBER_NOT_ACTIVE');
      rule(() => decide(command, state, { linkedNumber: { ...activeNumber, isMain: true }, pinMatches: true }), 'MAIN_NUMBER_NO_EXTENSION');
      expect(decide(command, state, { linkedNumber: { ...activeNumber, status: 'ASSIGNED' }, pinMatches: true }).length).toBeGreaterThan(0);
    }
    // The label is the admin's to change at any time, and an extension without a number has no such limit.
    const info = { label: 'Ada L', passcode: null, debugMode: false, hotDesking: false, registeredMobile: null };
    expect(decide(cmd('UpdateExtensionInfo', { info }), state, { linkedNumber: null })).toHaveLength(1);
    const numberless = given({ ...created(), data: { ...created().data, number: null, siteId: null } } as ExtensionEvent);
    expect(decide(configure({ doNotDisturb: true }), numberless, {})).toHaveLength(1);
  });

  test('an admin creates an extension for a user, with a default PIN', () => {
    const events = decideExtension(cmd('CreateExtension', created().data as object), given(), {});
    expect(events).toEqual([created()]);
    expect(given(...events)).toMatchObject({ pin: { custom: false, locked: false, failedAttempts: 0 }, settings: DEFAULT_SETTINGS });
    expect(() => decideExtension(cmd('CreateExtension', created().data as object, ada), given(), {})).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  test('extension keys are unique per occupier', () => {
    const claimed = [{ type: 'ExtensionKeyClaimed' as const, data: { tenant: 'acme', key: '201', extensionId: 'other' } }];
    const state = claimed.reduce(extensionKeyDecider.evolve, extensionKeyDecider.initialState());
    rule(
      () =>
        extensionKeyDecider.decide(
          { type: 'ClaimExtensionKey', data: { tenant: 'acme', key: '201', extensionId: E }, metadata: cmd('ResetPin').metadata },
          state,
          undefined,
        ),
      'EXTENSION_KEY_TAKEN',
    );
  });

  describe('PIN', () => {
    test('the user replaces the default PIN when the current one matches', () => {
      const events = decideExtension(cmd('ChangePin', { newPin: pin('8642') }, ada), given(created()), { pinMatches: true });
      expect(events).toEqual([{ type: 'ExtensionPinChanged', data: { extensionId: E, pin: pin('8642') } }]);
      expect(given(created(), ...events)).toMatchObject({ pin: { custom: true, current: pin('8642') } });
    });

    test('three wrong attempts lock it; a locked PIN refuses everything until an admin resets it', () => {
      let state = given(created());
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const events = decideExtension(cmd('RecordPinAttempt', {}, ada), state, { pinMatches: false });
        outcomes.push(pinRefusalOf(events)?.details.rule ?? 'OK');
        state = events.reduce(evolveExtension, state);
      }
      expect(outcomes).toEqual(['PIN_INCORRECT', 'PIN_INCORRECT', 'PIN_LOCKED']);
      rule(() => decideExtension(cmd('RecordPinAttempt', {}, ada), state, { pinMatches: true }), 'PIN_LOCKED');
      rule(() => decideExtension(cmd('ChangePin', { newPin: pin('1') }, ada), state, { pinMatches: true }), 'PIN_LOCKED');
      const reset = decideExtension(cmd('ResetPin'), state, {});
      expect(reset.reduce(evolveExtension, state)).toMatchObject({
        pin: { locked: false, failedAttempts: 0, custom: false, current: pin('1234') },
      });
    });

    test('a right attempt clears the count; only admins reset; users change only their own PIN', () => {
      const once = decideExtension(cmd('RecordPinAttempt', {}, ada), given(created()), { pinMatches: false });
      expect(decideExtension(cmd('RecordPinAttempt', {}, ada), given(created(), ...once), { pinMatches: true }).map((e) => e.type)).toEqual(
        ['ExtensionPinAttemptSucceeded'],
      );
      expect(() => decideExtension(cmd('ResetPin', {}, ada), given(created()), {})).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      expect(() => decideExtension(cmd('ChangePin', { newPin: pin('1') }, alan), given(created()), { pinMatches: true })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    });
  });

  describe('devices', () => {
    test('one of each kind, and a fourth device is refused', () => {
      const two = given(created(), device('ip-phone'), device('mobile-app'));
      rule(
        () => decideExtension(cmd('ActivateDevice', { device: { type: 'mobile-app', deviceId: 'other' } }), two, {}),
        'DEVICE_TYPE_ALREADY_ACTIVE',
      );
      expect(decideExtension(cmd('ActivateDevice', { device: { type: 'desktop-app', deviceId: 'd' } }), two, {})).toHaveLength(1);
      const three = given(created(), device('ip-phone'), device('mobile-app'), device('desktop-app'));
      rule(
        () => decideExtension(cmd('ActivateDevice', { device: { type: 'desktop-app', deviceId: 'second' } }), three, {}),
        'DEVICE_LIMIT',
      );
      expect(decideExtension(cmd('ActivateDevice', { device: { type: 'ip-phone', deviceId: 'ip-phone' } }), three, {})).toEqual([]);
    });

    test('ring devices: up to three for a normal extension, exactly one for call groups and contact centres, only activated ones', () => {
      const state = given(created(), device('ip-phone'), device('mobile-app'));
      expect(decideExtension(configure({ ringDevices: ['ip-phone', 'mobile-app'] }), state, {})).toHaveLength(1);
      rule(() => decideExtension(configure({ ringDevices: ['desktop-app'] }), state, {}), 'RING_DEVICE_NOT_ACTIVATED');
      const group = given(created('call-group'), device('ip-phone'), device('mobile-app'));
      rule(() => decideExtension(configure({ ringDevices: ['ip-phone', 'mobile-app'] }), group, {}), 'RING_DEVICES_LIMIT');
      expect(decideExtension(configure({ ringDevices: ['mobile-app'] }), group, {})).toHaveLength(1);
    });

    test('by default the highest-priority activated device rings: IP phone, then mobile, then desktop', () => {
      const state = given(created(), device('desktop-app'), device('mobile-app'));
      expect(state.exists && effectiveRingDevices(state)).toEqual(['mobile-app']);
    });
  });

  describe('forwarding and call waiting', () => {
    const busy = { forwarding: { ...DEFAULT_SETTINGS.forwarding, busy: target(['+15557778888'], ['202']) } };

    test('busy forwarding and call waiting cannot both be on', () => {
      const forwarded = given(created(), ...decideExtension(configure(busy), given(created()), {}));
      rule(() => decideExtension(configure({ callWaiting: true }), forwarded, {}), 'BUSY_FORWARDING_WITH_CALL_WAITING');
    });

    test('at most one external number per forward, plus any extensions; a VIP list is kept', () => {
      rule(
        () =>
          decideExtension(
            configure({ forwarding: { ...DEFAULT_SETTINGS.forwarding, always: target(['+15557778888', '+15557779999']) } }),
            given(created()),
            {},
          ),
        'FORWARD_ONE_EXTERNAL_NUMBER',
      );
      const events = decideExtension(
        configure({
          forwarding: { always: target(['+15557778888'], ['202', '203']), busy: null, noAnswer: null, vipList: ['+6531234567'] },
        }),
        given(created()),
        {},
      );
      expect(events).toHaveLength(1);
    });

    test('an authorization code disables forwarding; a call-group extension forwards to one destination', () => {
      const withCode = given(created(), ...decideExtension(configure({ authorizationCode: true }), given(created()), {}));
      rule(() => decideExtension(configure(busy), withCode, {}), 'FORWARDING_DISABLED_BY_AUTH_CODE');
      rule(() => decideExtension(configure(busy), given(created('call-group')), {}), 'CALL_GROUP_SINGLE_DESTINATION');
    });

    test('call waiting, usage limits and no-answer actions are for normal extensions only', () => {
      const cc = given(created('contact-centre'));
      rule(() => decideExtension(configure({ callWaiting: true }), cc, {}), 'NORMAL_EXTENSION_ONLY');
      rule(() => decideExtension(configure({ usageLimit: { type: 'monthly', minutes: 600 } }), cc, {}), 'NORMAL_EXTENSION_ONLY');
      rule(
        () => decideExtension(configure({ noAnswer: { action: 'hang-up', afterSeconds: 20, notifyEmails: [], message: null } }), cc, {}),
        'NORMAL_EXTENSION_ONLY',
      );
    });

    test('a deactivated or unassigned number loses its forwarding with an event', () => {
      const forwarded = given(created(), ...decideExtension(configure(busy), given(created()), {}));
      expect(decideExtension(cmd('ClearForwarding', { reason: 'number-deactivated' }), forwarded, {})).toEqual([
        { type: 'ExtensionForwardingCleared', data: { extensionId: E, reason: 'number-deactivated' } },
      ]);
      expect(decideExtension(cmd('ClearForwarding', { reason: 'number-deactivated' }), given(created()), {})).toEqual([]);
    });
  });

  describe('caller ID and who may change what', () => {
    const callerId = (over: object) => ({ callerId: { ...DEFAULT_SETTINGS.callerId, ...over } });

    test("caller IDs come from the occupier's own active numbers at the site", () => {
      rule(
        () => decideExtension(configure(callerId({ number: '+12125559999' })), given(created()), { ownActiveNumbers: ['+12125551000'] }),
        'CLI_NOT_OWN_NUMBER',
      );
      expect(
        decideExtension(configure(callerId({ number: '+12125551000' })), given(created()), { ownActiveNumbers: ['+12125551000'] }),
      ).toHaveLength(1);
      rule(
        () =>
          decideExtension(
            configure(callerId({ mode: 'pick-from-list', allowedNumbers: ['+12125551001'], number: '+12125551000' })),
            given(created()),
            { ownActiveNumbers: ['+12125551000', '+12125551001'] },
          ),
        'CLI_NOT_IN_ASSIGNED_LIST',
      );
    });

    test('users change their own forwarding, DND and voicemail, never caller ID or usage limits, nor others’ extensions', () => {
      expect(decideExtension(configure({ doNotDisturb: true }, ada), given(created()), {})).toHaveLength(1);
      expect(() => decideExtension(configure({ usageLimit: { type: 'monthly', minutes: 10 } }, ada), given(created()), {})).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
      expect(() => decideExtension(configure({ doNotDisturb: true }, alan), given(created()), {})).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    });

    test('unchanged sections append nothing', () => {
      expect(decideExtension(configure({ doNotDisturb: false, voicemail: { enabled: true, email: null } }), given(created()), {})).toEqual(
        [],
      );
    });
  });
});

describe('extension configuration: devices, caller ID and connection settings', () => {
  const staff = { ruleId: 'staff', name: 'Staff', permits: ['internal', 'national'] as const, passcodeFor: [] as const };
  const guarded = {
    ruleId: 'guarded',
    name: 'Guarded',
    permits: ['internal', 'international'] as const,
    passcodeFor: ['international'] as const,
  };
  const rules = [staff, guarded];
  const withPasscode = (passcode: string | null): ExtensionEvent => ({
    type: 'ExtensionInfoUpdated',
    data: { extensionId: E, info: { label: 'Ada', passcode, debugMode: false, hotDesking: false, registeredMobile: null } },
  });

  test('an extension is put on one of the occupier’s outbound rules; one asking for the passcode needs the extension to have one', () => {
    expect(decideExtension(configure({ outboundRule: 'staff' }), given(created()), { outboundRules: rules })).toEqual([
      { type: 'ExtensionSettingsChanged', data: { extensionId: E, section: 'outboundRule', value: 'staff' } },
    ]);
    rule(() => decideExtension(configure({ outboundRule: 'nope' }), given(created()), { outboundRules: rules }), 'OUTBOUND_RULE_NOT_FOUND');
    rule(
      () => decideExtension(configure({ outboundRule: 'guarded' }), given(created()), { outboundRules: rules }),
      'PASSCODE_REQUIRED_BY_RULE',
    );
    expect(
      decideExtension(configure({ outboundRule: 'guarded' }), given(created(), withPasscode('4321')), { outboundRules: rules }),
    ).toHaveLength(1);
    // Only admins choose the rule; back to none is always allowed.
    expect(() => decideExtension(configure({ outboundRule: 'staff' }, ada), given(created()), { outboundRules: rules })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const onStaff: ExtensionEvent = { type: 'ExtensionSettingsChanged', data: { extensionId: E, section: 'outboundRule', value: 'staff' } };
    expect(decideExtension(configure({ outboundRule: null }), given(created(), onStaff), {})).toHaveLength(1);
  });

  test('the passcode stays while the extension’s outbound rule asks for it', () => {
    const onGuarded: ExtensionEvent = {
      type: 'ExtensionSettingsChanged',
      data: { extensionId: E, section: 'outboundRule', value: 'guarded' },
    };
    const state = given(created(), withPasscode('4321'), onGuarded);
    const clear = cmd('UpdateExtensionInfo', {
      info: { label: 'Ada', passcode: null, debugMode: false, hotDesking: false, registeredMobile: null },
    });
    rule(() => decideExtension(clear, state, { outboundRules: rules }), 'PASSCODE_REQUIRED_BY_RULE');
    expect(decideExtension(clear, given(created(), withPasscode('4321')), { outboundRules: rules })).toHaveLength(1);
  });

  test('a no-answer message as an MP3 file must have been uploaded for the occupier', () => {
    const voicemail = (fileId: string) =>
      configure({
        noAnswer: { action: 'voicemail-notify', afterSeconds: 20, notifyEmails: [], message: { type: 'mp3', fileId } },
      });
    rule(() => decideExtension(voicemail('missing'), given(created()), { announcements: [] }), 'ANNOUNCEMENT_NOT_FOUND');
    expect(decideExtension(voicemail('after-hours'), given(created()), { announcements: ['after-hours'] })).toHaveLength(1);
  });

  const NUMBERS = { ownActiveNumbers: ['+12125551000', '+12125551001'] };

  test('with several devices and none chosen, the device the last call was answered on rings; before any call, the documented priority', () => {
    const state = given(created(), device('ip-phone'), device('mobile-app'));
    expect(effectiveRingDevices(state as never)).toEqual(['ip-phone']);
    const answered = decideExtension(cmd('RecordAnsweredDevice', { device: 'mobile-app' }, { id: 'pbx', role: 'system' }), state, {});
    expect(answered).toEqual([{ type: 'ExtensionCallAnswered', data: { extensionId: E, device: 'mobile-app' } }]);
    expect(effectiveRingDevices(given(created(), device('ip-phone'), device('mobile-app'), ...answered) as never)).toEqual(['mobile-app']);
    rule(() => decideExtension(cmd('RecordAnsweredDevice', { device: 'desktop-app' }), state, {}), 'DEVICE_NOT_ACTIVATED');
  });

  test('a contact-centre extension rings its configured primary device; other types cannot have one', () => {
    const centre = given(created('contact-centre'), device('ip-phone'), device('desktop-app'));
    const events = decideExtension(configure({ primaryDevice: 'desktop-app' }), centre, {});
    expect(effectiveRingDevices(given(created('contact-centre'), device('ip-phone'), device('desktop-app'), ...events) as never)).toEqual([
      'desktop-app',
    ]);
    rule(() => decideExtension(configure({ primaryDevice: 'mobile-app' }), centre, {}), 'DEVICE_NOT_ACTIVATED');
    rule(
      () => decideExtension(configure({ primaryDevice: 'ip-phone' }), given(created(), device('ip-phone')), {}),
      'PRIMARY_DEVICE_CONTACT_CENTRE_ONLY',
    );
  });

  test('mapped to a gateway, no device rings: the SIP account takes every call', () => {
    const state = given(created(), device('ip-phone'));
    const events = decideExtension(configure({ gatewayMapping: { sipAccount: 'sip-201' } }), state, {});
    expect(effectiveRingDevices(given(created(), device('ip-phone'), ...events) as never)).toEqual([]);
    expect(() => decideExtension(configure({ gatewayMapping: { sipAccount: 'sip-201' } }, ada), state, {})).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  test('a local SIP server is for the desktop app only, and goes when the desktop app is deactivated', () => {
    rule(
      () => decideExtension(configure({ localSipServer: '10.0.0.5' }), given(created(), device('ip-phone')), {}),
      'LOCAL_SIP_SERVER_DESKTOP_ONLY',
    );
    const withDesktop = given(created(), device('desktop-app'));
    const set = decideExtension(configure({ localSipServer: '10.0.0.5' }, ada), withDesktop, {});
    expect(set).toEqual([{ type: 'ExtensionSettingsChanged', data: { extensionId: E, section: 'localSipServer', value: '10.0.0.5' } }]);
    const off = decideExtension(cmd('DeactivateDevice', { type: 'desktop-app' }), given(created(), device('desktop-app'), ...set), {});
    expect(off).toContainEqual({ type: 'ExtensionSettingsChanged', data: { extensionId: E, section: 'localSipServer', value: null } });
  });

  test('TLS and STUN are off until turned on; the user may turn them on for their own devices', () => {
    const state = given(created());
    expect(state).toMatchObject({ settings: { transport: { tls: false, stun: false } } });
    expect(decideExtension(configure({ transport: { tls: true, stun: true } }, ada), state, {})).toEqual([
      { type: 'ExtensionSettingsChanged', data: { extensionId: E, section: 'transport', value: { tls: true, stun: true } } },
    ]);
  });

  test('users pick their caller ID from the list their admin assigned, and change nothing else of it', () => {
    const listed = { ...DEFAULT_SETTINGS.callerId, mode: 'pick-from-list' as const, allowedNumbers: ['+12125551000', '+12125551001'] };
    const assigned = decideExtension(configure({ callerId: listed }), given(created()), NUMBERS);
    const state = given(created(), ...assigned);
    expect(decideExtension(configure({ callerId: { ...listed, number: '+12125551001' } }, ada), state, NUMBERS)).toHaveLength(1);
    rule(() => decideExtension(configure({ callerId: { ...listed, number: '+12125559999' } }, ada), state, NUMBERS), 'CLI_NOT_OWN_NUMBER');
    rule(() => decideExtension(configure({ callerId: { ...listed, hide: true } }, ada), state, NUMBERS), 'CLI_NOT_CHOSEN_FROM_LIST');
    // In fixed mode the caller ID is the admin's to set.
    expect(() =>
      decideExtension(configure({ callerId: { ...DEFAULT_SETTINGS.callerId, number: '+12125551001' } }, ada), given(created()), NUMBERS),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => decideExtension(configure({ callerId: listed }, alan), state, NUMBERS)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  test('the user’s registered mobile may be the fixed caller ID', () => {
    const mobile = '+447700900123';
    const withMobile = given({
      ...created(),
      data: {
        ...(created().data as object),
        info: { label: 'Ada', passcode: null, debugMode: false, hotDesking: true, registeredMobile: mobile },
      },
    } as ExtensionEvent);
    expect(withMobile).toMatchObject({ info: { hotDesking: true, registeredMobile: mobile } });
    expect(decideExtension(configure({ callerId: { ...DEFAULT_SETTINGS.callerId, number: mobile } }), withMobile, NUMBERS)).toHaveLength(1);
    rule(
      () => decideExtension(configure({ callerId: { ...DEFAULT_SETTINGS.callerId, number: mobile } }), given(created()), NUMBERS),
      'CLI_NOT_OWN_NUMBER',
    );
  });

  test('forwarding reaches at most one call group by its group key', () => {
    const state = given(created());
    const forwarding = (...keys: string[]) => ({ ...DEFAULT_SETTINGS.forwarding, always: target([], keys) });
    rule(
      () => decideExtension(configure({ forwarding: forwarding('500', '501', '202') }), state, { callGroupKeys: ['500', '501'] }),
      'ONE_CALL_GROUP_KEY',
    );
    expect(decideExtension(configure({ forwarding: forwarding('500', '202', '203') }), state, { callGroupKeys: ['500'] })).toHaveLength(1);
  });

  test('a request for a new caller ID is recorded and changes no setting', () => {
    const state = given(created());
    const events = decideExtension(cmd('RequestCallerId', { number: '+442071239999' }, ada), state, {});
    expect(events).toEqual([{ type: 'ExtensionCallerIdRequested', data: { extensionId: E, number: '+442071239999' } }]);
    expect(given(created(), ...events)).toEqual(state);
    expect(() => decideExtension(cmd('RequestCallerId', { number: '+442071239999' }, alan), state, {})).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  test('auto-provisioning registers the activated IP phone once; without one it is refused', () => {
    const data = { deviceName: 'Poly VVX 450', mac: '64:16:7F:12:34:56' };
    const state = given(created(), device('ip-phone'));
    const events = decideExtension(cmd('RecordAutoProvisioning', data, { id: 'provisioner', role: 'system' }), state, {});
    expect(events).toEqual([{ type: 'ExtensionDeviceAutoProvisioned', data: { extensionId: E, ...data } }]);
    const provisioned = given(created(), device('ip-phone'), ...events);
    expect(provisioned).toMatchObject({ devices: [{ type: 'ip-phone', autoProvisioned: data }] });
    expect(decideExtension(cmd('RecordAutoProvisioning', data), provisioned, {})).toEqual([]);
    rule(() => decideExtension(cmd('RecordAutoProvisioning', data), given(created(), device('mobile-app')), {}), 'DEVICE_NOT_ACTIVATED');
  });
});
