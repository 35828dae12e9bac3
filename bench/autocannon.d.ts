// The few parts of autocannon 8 the benches use (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p50?: number; p99: number; p97_5?: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  type Context = Record<string, unknown>;
  type RequestSpec = {
    method?: "GET" | "POST";
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Record<string, unknown>, context: Context) => Record<string, unknown>;
    onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; timeout?: number; requests?: RequestSpec[] };
  /** Resolves with the result; also an emitter of "response" (client, status, bytes, ms). */
  type Instance = Promise<Result> & { on: (event: "response", listener: (client: object, statusCode: number, bytes: number, responseTime: number) => void) => void };
  export default function autocannon(options: Options): Instance;
}
