import { createApiClient } from './api-client';

/** A fetch that answers like the gateway and records what it was sent. */
const gateway = () => {
  const sent: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push(request);
    const body =
      request.method === 'POST'
        ? { revision: 3, eventIds: ['e-1'] }
        : { number: '+442071230001', siteId: 'lon-1', status: 'ACTIVE', ext: null, kind: 'standard', isMain: false, owner: null };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json', 'consistency-token': `number-inventory@${sent.length}.${sent.length * 10}` },
    });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
};

describe('createApiClient', () => {
  test('paths, parameters and bodies are typed; the bearer token goes with each request and the latest Consistency-Token with the next', async () => {
    const { sent, fetch } = gateway();
    const api = createApiClient({ baseUrl: 'http://gateway', token: () => 't0ken', fetch });
    const activated = await api.POST('/v1/sites/{siteId}/numbers/{number}/activate', {
      params: { path: { siteId: 'lon-1', number: '+442071230001' } },
    });
    expect(activated.response.status).toBe(200);
    expect(api.consistencyToken()).toBe('number-inventory@1.10');
    await api.GET('/v1/numbers/{number}', { params: { path: { number: '+442071230001' } } });
    expect(
      sent.map((r) => [r.method, new URL(r.url).pathname, r.headers.get('authorization'), r.headers.get('consistency-token')]),
    ).toEqual([
      ['POST', '/v1/sites/lon-1/numbers/%2B442071230001/activate', 'Bearer t0ken', null],
      ['GET', '/v1/numbers/%2B442071230001', 'Bearer t0ken', 'number-inventory@1.10'],
    ]);
    // @ts-expect-error: not a path of the API
    await api.GET('/v1/nowhere');
  });
});
