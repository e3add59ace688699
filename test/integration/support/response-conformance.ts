import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Operation = { readonly operationId: string; readonly responses: Record<string, { content?: Record<string, unknown> }> };
type Document = { readonly paths: Record<string, Record<string, Operation>> };

const pointer = (...parts: string[]): string => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Holds every answer the gateway gives in a test to the OpenAPI document it serves: the status
 * must be one the operation documents, and a JSON body must match that status's schema.
 */
export class ResponseConformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: { readonly method: string; readonly path: string; readonly pattern: RegExp; readonly operation: Operation }[];
  private readonly validators = new Map<string, ValidateFunction>();
  /** Per operation, the statuses seen and checked. */
  readonly seen = new Map<string, Set<number>>();

  constructor(document: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi');
    this.routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        // Literal segments before parameters, so /numbers.csv is not taken for /numbers/{number}.
        pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
        operation,
      })),
    );
    this.routes.sort((a, b) => b.path.replace(/\{\w+\}/g, '').length - a.path.replace(/\{\w+\}/g, '').length);
  }

  /**
   * A description of how the answer breaks the document, or undefined when it conforms (or is
   * not an API route). 414 and 431 come from Node's HTTP parser before any route runs (a request
   * line or headers too long), with no body: not an operation's answer.
   */
  check(method: string, url: string, status: number, contentType: string | null, text: string): string | undefined {
    if (status === 414 || status === 431) return undefined;
    const path = new URL(url, 'http://x').pathname;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return undefined;
    const { operationId, responses } = route.operation;
    const seen = this.seen.get(operationId) ?? new Set<number>();
    seen.add(status);
    this.seen.set(operationId, seen);
    const response = responses[String(status)];
    if (!response) return `${operationId} answered ${status}, which the document does not list (${Object.keys(responses).join(', ')})`;
    const media = (contentType ?? '').split(';')[0]?.trim() ?? '';
    if (!response.content?.[media]) return `${operationId} ${status} answered ${media || 'no content type'}, not what the document states`;
    if (media !== 'application/json') return undefined;
    const key = `${route.path} ${route.method} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      const ref = `openapi#/${pointer('paths', route.path, route.method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(key, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `${operationId} ${status} answered a body that is not JSON`;
    }
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ');
    return `${operationId} ${status} body does not match the document: ${errors}`;
  }
}
