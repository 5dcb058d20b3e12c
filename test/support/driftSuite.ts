import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { kmsInputs, lifecycleOn } from "./operations";
import type { Target, WireRule } from "./targets";

// Drift is the normal case: a rule changed out-of-band to a value check refuses as input is read
// as it is, and then update repairs it, delete removes it (one DELETE), and a replacement's delete
// half goes through. Assertions on the servers' own state.

/** One out-of-band rule and what read must record of it. */
export interface Drift {
  readonly name: string;
  readonly rule: WireRule;
  /** What read must record. */
  readonly recorded: Record<string, unknown>;
}

/**
 * The drift cases against one target: each rule set out-of-band is read as it is; then update
 * repairs it, delete removes it, and the delete half of a replacement goes through.
 */
export function driftSuite(label: string, start: () => Promise<Target>, drifts: readonly Drift[]): void {
  describe(`drift: ${label}`, () => {
    let target: Target;
    let lifecycle: BucketEncryptionLifecycle;
    let counter = 0;
    before(async () => {
      target = await start();
      lifecycle = lifecycleOn(target);
    });
    after(async () => target?.stop());

    async function drifted(drift: Drift) {
      const bucket = `drift-${++counter}`;
      await target.createBucket(bucket);
      const { inputs, failures } = await lifecycle.check({}, kmsInputs(target, bucket));
      assert.deepEqual(failures, []);
      const id = (await lifecycle.create(inputs)).id;
      await target.setRule(bucket, drift.rule);
      // What refresh records: the live rule, which check would refuse as input.
      const refreshed = await lifecycle.read(id, inputs);
      assert.ok(refreshed.props !== undefined);
      assert.deepEqual(
        { sseAlgorithm: refreshed.props["sseAlgorithm"], kmsMasterKeyId: refreshed.props["kmsMasterKeyId"] },
        { sseAlgorithm: undefined, kmsMasterKeyId: undefined, ...drift.recorded },
      );
      const recheck = await lifecycle.check({}, { ...refreshed.props });
      assert.notDeepEqual(recheck.failures, [], "check refuses the drifted value as input");
      return { bucket, id, inputs, stored: refreshed.props };
    }

    for (const drift of drifts) {
      it(`${drift.name}: read records it, the diff shows it, update repairs it with one PUT`, async () => {
        const { bucket, id, inputs, stored } = await drifted(drift);
        const diff = await lifecycle.diff(id, stored, inputs);
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        const before = target.requestCount(bucket);
        await lifecycle.update(id, stored, inputs);
        assert.equal(target.requestCount(bucket) - before, 1);
        assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      });

      it(`${drift.name}: delete sends one DELETE and the server holds no rule`, async () => {
        const { bucket, id, stored } = await drifted(drift);
        const before = target.requestCount(bucket);
        await lifecycle.delete(id, stored);
        assert.equal(target.requestCount(bucket) - before, 1);
        assert.equal(await target.rule(bucket), undefined);
      });

      it(`${drift.name}: a replacement (another bucket) deletes the old rule and creates the new one`, async () => {
        const { bucket, id, inputs, stored } = await drifted(drift);
        const renamed = `${bucket}-new`;
        await target.createBucket(renamed);
        const news = (await lifecycle.check(stored, { ...inputs, bucket: renamed })).inputs;
        const diff = await lifecycle.diff(id, stored, news);
        assert.deepEqual(diff.replaces, ["bucket"]);
        assert.equal(diff.deleteBeforeReplace, true);
        await lifecycle.delete(id, stored);
        await lifecycle.create(news);
        assert.equal(await target.rule(bucket), undefined);
        assert.deepEqual(await target.rule(renamed), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      });
    }
  });
}
