/** The audio formats uploaded messages may be (conference greetings, no-answer messages), told from the file's own bytes, never its name. */
export type AudioFormat = 'audio/wav' | 'audio/mpeg';

export const sniffAudioFormat = (bytes: Buffer): AudioFormat | null => {
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WAVE') return 'audio/wav';
  if (bytes.length >= 3 && bytes.toString('ascii', 0, 3) === 'ID3') return 'audio/mpeg';
  // A bare MPEG audio frame: 11 sync bits set, then a valid version and layer.
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  if (bytes.length >= 4 && b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0) return 'audio/mpeg';
  return null;
};
