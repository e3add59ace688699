import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_PORTS } from '@tnp/platform';
import { createTestDatabase, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from '@tnp/testing';
import { freePort, runNodeScript, startChildService, type ChildService } from './support/child-service';
import { E2E_JWT } from './support/test-gateway';

/**
 * The services' image without a Docker engine: infra/scripts/image-tree.sh assembles the file tree
 * the Dockerfile's runtime stage holds (a production install into a clean folder outside this
 * checkout, the built output copied in), and every service starts from that tree against the
 * local PostgreSQL and NATS and answers ready. A runtime dependency declared as a devDependency,
 * or not at all, is missing there and fails this spec.
 */
const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

let tree = '';
let db: TestDatabase;
const started: ChildService[] = [];

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'tnp-image-'));
  await run('bash', [join(ROOT, 'infra', 'scripts', 'image-tree.sh'), join(tree, 'app')], { timeout: 240_000 });
  db = await createTestDatabase('e2e_image_tree');
}, 300_000);

afterAll(async () => {
  for (const child of started) await child.kill();
  await db?.drop();
  if (tree) rmSync(tree, { recursive: true, force: true });
});

test('the tree holds production dependencies only, with one copy of pg', () => {
  const modules = join(tree, 'app', 'node_modules');
  for (const dev of ['jest', 'typescript', '@swc/core', 'node', 'eslint', 'prettier', 'autocannon'])
    expect({ dev, present: existsSync(join(modules, dev)) }).toEqual({ dev, present: false });
  const nestedPg = readdirSync(modules, { recursive: true, encoding: 'utf8' }).filter((p) => /(^|\/)node_modules\/pg$/.test(p));
  expect(nestedPg).toEqual([]);
  expect(existsSync(join(modules, 'pg', 'package.json'))).toBe(true);
});

test('every image the manifests name is a service the tree can run', () => {
  const apps = join(ROOT, 'deploy', 'k8s', 'base', 'apps');
  const images = readdirSync(apps).map(
    (app) => /image: telephony\/([a-z-]+):/.exec(readFileSync(join(apps, app, 'deployment.yaml'), 'utf8'))?.[1],
  );
  expect(images.sort()).toEqual(Object.keys(SERVICE_PORTS).sort());
  for (const service of images) expect(existsSync(join(tree, 'app', 'dist', 'services', service ?? '', 'src', 'main.js'))).toBe(true);
});

test('every service starts from the tree and answers ready', async () => {
  const prefix = uniqueSubjectPrefix();
  const services = Object.keys(SERVICE_PORTS) as (keyof typeof SERVICE_PORTS)[];
  for (const service of services) {
    const port = await freePort();
    const child = await startChildService(
      join(tree, 'app', 'dist', 'services', service, 'src', 'main.js'),
      {
        DATABASE_URL: db.url,
        NATS_URL: testNatsUrl(),
        NATS_SUBJECT_PREFIX: prefix,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DB_POOL_SIZE: '2',
        READ_MODEL_POOL_SIZE: '2',
        JWT_SECRET: E2E_JWT.secret,
      },
      `"${service} started"`,
      `${service} from the image tree`,
    );
    started.push(child);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect({ service, status: ready.status }).toEqual({ service, status: 200 });
    // The image's HEALTHCHECK, run from the tree as the image runs it.
    const health = await runNodeScript(join(tree, 'app', 'dist', 'tools', 'healthcheck.js'), [], {
      SERVICE: service,
      HTTP_PORT: String(port),
    });
    expect({ service, healthcheck: health.code }).toEqual({ service, healthcheck: 0 });
  }
}, 120_000);
