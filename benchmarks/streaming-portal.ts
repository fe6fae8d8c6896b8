/**
 * The StreamingPortal handler as it ships: the size of its bundle (what a cold start loads), the time
 * a fresh Node.js process takes to load it, and the latency of one `POST /streaming-url` through the
 * local HTTP API (RS256 token verified as API Gateway's JWT authorizer does) to the bundled handler
 * and its CreateStreamingURL call to the local fake endpoint, on 127.0.0.1.
 *
 *   npx projen bench:portal
 *   N=1000 npx projen bench:portal
 *
 * Environment: N (requests, default 200, after 10 not counted), LOADS (fresh processes, default 5).
 *
 * The requests go one after the other, faster than the 10 requests/s at which the handler's pacer
 * starts before it has measured AppStream's rate (in Lambda, one environment serves one request at a
 * time): the fake endpoint's set-up starts the pacer at 1,000/s, so that what is measured is the
 * latency of a request, not the pacing of a burst.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { TestIssuer } from '../test/util/local-http-api';
import { PORTAL_AUDIENCE, startLocalPortal } from '../test/util/local-portal';

const BUNDLE = path.join(__dirname, '..', 'assets', 'lambda', 'streaming-portal', 'index', 'index.js');
const N = Number(process.env.N ?? 200);
const LOADS = Number(process.env.LOADS ?? 5);
const WARM_UP = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds a fresh `node` takes to load the bundle (what Lambda's init phase does first). */
function loadTimeMs(): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(BUNDLE)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`loading the bundle failed: ${result.stderr}`);
  }
  return Number(result.stdout.trim());
}

async function main(): Promise<void> {
  const code = readFileSync(BUNDLE);
  const loads = Array.from({ length: LOADS }, loadTimeMs);

  // The handler logs one line per request: not part of the report.
  const print = console.log.bind(console);
  console.log = () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundled = require(BUNDLE) as { handler: any };
  const issuer = new TestIssuer();
  const portal = await startLocalPortal({ handler: bundled.handler }, issuer);
  const token = issuer.token({ sub: 'bench-user', aud: PORTAL_AUDIENCE });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + N; i++) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${portal.url}/streaming-url`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"validity":300}',
      });
      await response.text();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 200) {
        throw new Error(`request ${i} answered ${response.status}`);
      }
      if (i >= WARM_UP) {
        latencies.push(ms);
      }
    }
  } finally {
    await portal.stop();
  }

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  print('StreamingPortal handler (assets/lambda/streaming-portal/index/index.js)');
  print(`  bundle, minified:          ${code.length} bytes (${kb(code.length)})`);
  const gzipped = gzipSync(code, { level: 9 }).length;
  print(`  bundle, gzipped:           ${gzipped} bytes (${kb(gzipped)})`);
  print(`  load in a fresh process:   median ${median(loads).toFixed(1)} ms of ${LOADS}`);
  print(`One POST /streaming-url through the local HTTP API + JWT authorizer to the fake endpoint (${N} requests, ${WARM_UP} warm-up not counted)`);
  print(`  median ${median(latencies).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, `
    + `min ${Math.min(...latencies).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms`);
  print(`  AppStream calls: ${portal.fake.count('CreateStreamingURL', 'ok')} CreateStreamingURL, all answered`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
