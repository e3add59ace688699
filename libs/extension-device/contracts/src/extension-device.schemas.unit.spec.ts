import { activateDeviceSchema, createExtensionSchema, settingsChangesSchema, updateExtensionInfoSchema } from './extension-device.schemas';

const paths = (schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((i) => i.path.map(String).join('.')) ?? [];

describe('extension free text', () => {
  test('labels and device ids are single-line text, named when refused', () => {
    const create = (label: string) => ({ occupierId: 'acme', extensionId: 'e1', key: '201', label, assignee: { userId: 'u-ada' } });
    expect(paths(createExtensionSchema, create('Ada'))).toEqual([]);
    for (const bad of ['\u0000', 'a\ud800', 'a\nb', '\u202eAda']) {
      expect(paths(createExtensionSchema, create(bad))).toEqual(['label']);
      expect(paths(updateExtensionInfoSchema, { extensionId: 'e1', label: bad })).toEqual(['label']);
      expect(paths(activateDeviceSchema, { extensionId: 'e1', type: 'ip-phone', deviceId: bad })).toEqual(['deviceId']);
    }
  });

  test('a text-to-speech message may span lines but holds no NUL or lone surrogate', () => {
    const tts = (text: string) => ({
      noAnswer: {
        action: 'voicemail-notify',
        afterSeconds: 20,
        message: { type: 'tts', language: 'en', pitch: 5, rate: 5, gender: 'female', text },
      },
    });
    expect(paths(settingsChangesSchema, tts('Please leave\na message'))).toEqual([]);
    expect(paths(settingsChangesSchema, tts('Please\u0000'))).toEqual(['noAnswer.message.text']);
    expect(paths(settingsChangesSchema, tts('\udc00'))).toEqual(['noAnswer.message.text']);
  });

  test('e-mail addresses are bounded', () => {
    const email = `${'a'.repeat(250)}@example.com`;
    expect(paths(settingsChangesSchema, { voicemail: { enabled: true, email } })).toEqual(['voicemail.email']);
  });
});
