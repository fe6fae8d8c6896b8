/**
 * API calls and wall time of the user-stack-association handler against the local fake AppStream
 * endpoint, paced to 5 requests/s (the endpoint queues requests beyond the rate).
 *
 * For N = 100, 1,000 and 10,000 users: create; update adding 100 users and removing 50; delete.
 * Goal: batch calls equal the minimum ceil(changed / 25) (plus the DescribeUserStackAssociations
 * reads, 500 per page), and wall time ≤ 1.5 × calls ÷ rate.
 *
 *   npx ts-node --project benchmarks/tsconfig.json benchmarks/user-stack-association.ts
 *   BENCH_SIZES=100,1000 RATE=5 npx ts-node --project benchmarks/tsconfig.json benchmarks/user-stack-association.ts
 */
import { performance } from 'perf_hooks';
import { onEvent } from '../lambda/user-stack-association';
import { FakeAppStream, useFakeEndpoint } from '../test/fake-appstream/server';
import { associationEvents, registerUserOperations, userPoolUsers } from '../test/fake-appstream/users';

const RATE = Number(process.env.RATE ?? '5');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const STACK = 'bench-stack';
const BATCH = 25;

interface Row {
  readonly n: number;
  readonly operation: string;
  readonly reads: number;
  readonly batches: number;
  readonly minimumBatches: number;
  readonly seconds: number;
}

async function main() {
  const fake = new FakeAppStream();
  const state = registerUserOperations(fake);
  const endpoint = await fake.start();
  // The handler's production retry delays: the paced endpoint never needs them, but they stay real.
  useFakeEndpoint(endpoint, 200);
  const log = console.log;
  const rows: Row[] = [];

  const events = associationEvents(STACK);
  const measure = async (n: number, operation: string, minimumBatches: number, event: Parameters<typeof onEvent>[0]) => {
    fake.resetCalls();
    fake.setRateLimit({ requestsPerSecond: RATE, burst: 1, mode: 'queue' });
    console.log = () => undefined; // the handler's own logs
    const start = performance.now();
    try {
      await onEvent(event);
    } finally {
      console.log = log;
    }
    const seconds = (performance.now() - start) / 1000;
    const reads = fake.count('DescribeUserStackAssociations');
    const batches = fake.count('BatchAssociateUserStack') + fake.count('BatchDisassociateUserStack');
    rows.push({ n, operation, reads, batches, minimumBatches, seconds });
    log(`N=${n} ${operation}: ${reads} reads + ${batches} batch calls in ${seconds.toFixed(1)} s`);
  };

  try {
    for (const n of SIZES) {
      state.deleteStack(STACK);
      state.addStack(STACK);
      const initial = userPoolUsers(n, 'user');
      const updated = [...initial.slice(50), ...userPoolUsers(100, 'new')];
      await measure(n, 'create', Math.ceil(n / BATCH), events.create(initial));
      await measure(n, 'update +100 −50', Math.ceil(100 / BATCH) + Math.ceil(50 / BATCH), events.update(updated, initial));
      if (state.associated(STACK).length !== updated.length) {
        throw new Error(`update left ${state.associated(STACK).length} associations, expected ${updated.length}`);
      }
      await measure(n, 'delete', Math.ceil(updated.length / BATCH), events.delete(updated));
      if (state.associated(STACK).length !== 0) {
        throw new Error('delete left associations behind');
      }
    }
  } finally {
    await fake.stop();
  }

  log('');
  log(`Fake AppStream paced to ${RATE} requests/s. Goal: batch calls = ceil(users changed / 25), wall ≤ 1.5 × calls ÷ rate.`);
  log('');
  log('| users | operation | reads | batch calls | minimum batch calls | total calls | wall (s) | goal (s) | met |');
  log('|---:|---|---:|---:|---:|---:|---:|---:|:-:|');
  let allMet = true;
  for (const r of rows) {
    const calls = r.reads + r.batches;
    const goal = (1.5 * calls) / RATE;
    const met = r.batches === r.minimumBatches && r.seconds <= goal;
    allMet = allMet && met;
    log(`| ${r.n.toLocaleString('en-US')} | ${r.operation} | ${r.reads} | ${r.batches} | ${r.minimumBatches} | ${calls} | ${r.seconds.toFixed(1)} | ${goal.toFixed(1)} | ${met ? 'yes' : 'NO'} |`);
  }
  if (!allMet) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
