import { sniffAudioFormat } from './audio-format';

const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]);

describe('audio format sniffing', () => {
  test('WAV and MP3 (with an ID3 tag or a bare frame) are recognised from their bytes', () => {
    expect(sniffAudioFormat(wav)).toBe('audio/wav');
    expect(sniffAudioFormat(Buffer.from('ID3\u0004\u0000\u0000'))).toBe('audio/mpeg');
    expect(sniffAudioFormat(Buffer.from([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
  });

  test('anything else is not audio, whatever it claims to be', () => {
    expect(sniffAudioFormat(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffAudioFormat(Buffer.from('RIFF\u0000\u0000\u0000\u0000AVI '))).toBeNull();
    expect(sniffAudioFormat(Buffer.from([0xff, 0xe9, 0x00, 0x00]))).toBeNull();
    expect(sniffAudioFormat(Buffer.alloc(0))).toBeNull();
  });
});
