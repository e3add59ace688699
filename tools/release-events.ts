import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentRelease, incompatibilities, PLATFORM_EVENT_CATALOGUES, type ReleasedEvents } from '@tnp/platform-events';

/**
 * Records the current event schemas as released (npm run events:release): from then on the
 * compatibility check in npm test holds every released version to them. Refuses a release that
 * breaks an earlier one; that change needs a new version with an upcaster.
 */
const file = join(process.cwd(), 'libs', 'platform-events', 'released-events.json');
const released = JSON.parse(readFileSync(file, 'utf8')) as ReleasedEvents;
const current = currentRelease(PLATFORM_EVENT_CATALOGUES);
const problems = incompatibilities(released, current);
if (problems.length > 0) {
  console.error(`not released: these changes break released versions (give the event a new version instead):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const added = Object.keys(current).filter((k) => !(k in released));
writeFileSync(file, `${JSON.stringify({ ...released, ...current }, null, 2)}\n`);
console.log(added.length > 0 ? `released ${added.length} new event versions: ${added.join(', ')}` : 'nothing new to release');
