// The few parts of autocannon 8 the bench uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p99: number; p97_5?: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  type Request = { method?: string; path?: string; headers?: Record<string, string> };
  export default function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    requests?: (Request & { setupRequest?: (request: Request) => Request })[];
  }): Promise<Result>;
}
